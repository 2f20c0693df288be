using Distributed.Abstractions.Describing;
using Distributed.Data.Images;
using Distributed.Data.Manifests;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Text;
using Distributed.Storage.Descriptions;

namespace Distributed.Training.Corpus;

/// <summary>
/// Joins a dataset's rows with their descriptions: row → image bytes (<see cref="ImageFetcher"/> under the image
/// policy) → sha256 → <see cref="DescriptionKey.For"/> → batched <see cref="DescriptionStore.GetAsync"/>. The same
/// key a caption job stored under, so the store is the one truth of what has been described.
/// </summary>
public static class CorpusJoiner
{
    /// <summary>Keys per store lookup.</summary>
    public const int LookupBatch = 2048;

    /// <summary>
    /// Joins <paramref name="dataset"/> with <paramref name="store"/>; <paramref name="progress"/> receives the rows
    /// done. Throws <see cref="InvalidDataException"/> naming the row for a missing label, a label outside the set or
    /// an unknown split value.
    /// </summary>
    public static async Task<TrainingCorpus> JoinAsync(
        DatasetRows dataset, DescriptionStore store, CorpusOptions options, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var ratios = options.Ratios ?? new SplitRatios();
        var split = dataset.Rows.Select(r => (Row: r, Split: CorpusSplits.Of(r, ratios, options.SplitSeed))).ToList();
        var labels = CorpusLabels.Resolve([.. split.Select(s => (s.Row, s.Split.Split))], options.Labels, options.LabelsRequired);

        var hashes = await HashImagesAsync(dataset.Rows, options, progress, ct).ConfigureAwait(false);
        var records = await LookupAsync(dataset.Rows, hashes, options, store, ct).ConfigureAwait(false);
        var renderer = new DescriptionRenderer(options.Fields);
        var rows = new List<CorpusRow>(dataset.Rows.Count);
        var missingIds = new List<string>();
        int found = 0, textOnly = 0, notInStore = 0, errors = 0, unreadable = 0, skipped = 0;
        for (var i = 0; i < dataset.Rows.Count; i++)
        {
            var row = dataset.Rows[i].Row;
            var (status, description) = row.IsTextOnly ? (DescriptionStatus.TextOnly, null)
                : hashes[i] is null ? (DescriptionStatus.ImageUnreadable, null)
                : records[i] is not { } record ? (DescriptionStatus.NotInStore, null)
                : record.IsError ? (DescriptionStatus.ErrorRecord, null)
                : (DescriptionStatus.Found, renderer.Render(new DescriptionText(record.Ocr, record.VisualScene, record.Reasoning)));
            switch (status)
            {
                case DescriptionStatus.Found: found++; break;
                case DescriptionStatus.TextOnly: textOnly++; break;
                case DescriptionStatus.NotInStore: notInStore++; break;
                case DescriptionStatus.ErrorRecord: errors++; break;
                default: unreadable++; break;
            }

            var missing = status is DescriptionStatus.NotInStore or DescriptionStatus.ErrorRecord or DescriptionStatus.ImageUnreadable;
            if (missing && missingIds.Count < CorpusCounts.ListedIds)
            {
                missingIds.Add(row.Id);
            }

            if (missing && options.Missing == MissingDescriptionPolicy.Skip)
            {
                skipped++;
                continue;
            }

            rows.Add(new CorpusRow(row.Id, row.Text, row.Label?.Trim() ?? "", split[i].Split.Split, hashes[i], row.Image, description, status));
        }

        var counts = new CorpusCounts(dataset.Rows.Count, rows.Count, found, textOnly, notInStore + errors + unreadable,
            notInStore, errors, unreadable, skipped, missingIds, split.Count(s => s.Split.Hashed));
        return new TrainingCorpus(dataset.Path, dataset.Files, rows, labels, counts);
    }

    private static async Task<string?[]> HashImagesAsync(
        IReadOnlyList<DatasetRow> rows, CorpusOptions options, IProgress<int>? progress, CancellationToken ct)
    {
        var fetcher = new ImageFetcher(null, options.BlobSource, options.ImagePolicy, options.MaxImageBytes);
        var hashes = new string?[rows.Count];
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.FetchParallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count), parallel, async (i, token) =>
        {
            var (file, row) = (rows[i].File, rows[i].Row);
            if (!row.IsTextOnly)
            {
                try
                {
                    var location = ImageReference.Resolve(row.Image!, Path.GetDirectoryName(file.Path)!, options.ImagePolicy);
                    hashes[i] = ImageHash.Sha256Hex(await fetcher.FetchAsync(location, token).ConfigureAwait(false));
                }
                catch (ImageSourceException)
                {
                    hashes[i] = null;
                }
            }

            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);
        return hashes;
    }

    private static async Task<DescriptionRecord?[]> LookupAsync(
        IReadOnlyList<DatasetRow> rows, string?[] hashes, CorpusOptions options, DescriptionStore store, CancellationToken ct)
    {
        var candidates = new List<DescriptionKey>[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (hashes[i] is not { } sha)
            {
                continue;
            }

            var key = DescriptionKey.For(sha, rows[i].Row.Text, options.Describer);
            candidates[i] = [key];
            if (options.TryBothContexts)
            {
                candidates[i].Add(key with { ContextHash = key.ContextHash.Length > 0 ? "" : DescriptionKey.HashText(rows[i].Row.Text) });
            }
        }

        var distinct = candidates.Where(c => c is not null).SelectMany(c => c).Distinct().ToList();
        var found = new Dictionary<DescriptionKey, DescriptionRecord>();
        for (var start = 0; start < distinct.Count; start += LookupBatch)
        {
            var batch = distinct.GetRange(start, Math.Min(LookupBatch, distinct.Count - start));
            foreach (var (key, record) in await store.GetAsync(batch, ct).ConfigureAwait(false))
            {
                found[key] = record;
            }
        }

        var result = new DescriptionRecord?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            // A success under either context beats an error record under the other.
            var records = (candidates[i] ?? []).Select(k => found.GetValueOrDefault(k)).Where(r => r is not null).ToList();
            result[i] = records.FirstOrDefault(r => !r!.IsError) ?? records.FirstOrDefault();
        }

        return result;
    }
}
