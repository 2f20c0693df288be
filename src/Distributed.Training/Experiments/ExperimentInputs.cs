using Distributed.Data.Manifests;
using Distributed.Training.Corpus;
using Distributed.Training.Vision;

namespace Distributed.Training.Experiments;

/// <summary>How many rows got image features and why the others did not.</summary>
/// <param name="WithFeatures">Rows whose image features were loaded or extracted.</param>
/// <param name="TextOnly">Rows without an image.</param>
/// <param name="Unreadable">Rows whose image could not be fetched or decoded (they train as image-less rows).</param>
/// <param name="Extracted">Distinct images run through ResNet18 now.</param>
/// <param name="Cached">Distinct images whose features came from the cache.</param>
/// <param name="UnreadableIds">The first unreadable rows' ids.</param>
public sealed record ImageFeatureCounts(int WithFeatures, int TextOnly, int Unreadable, long Extracted, long Cached, IReadOnlyList<string> UnreadableIds);

/// <summary>
/// Turns a joined <see cref="TrainingCorpus"/> into <see cref="ExperimentRow"/>s: label names become indices, and every
/// image row gets its ResNet18 features (pooled 512 + 49 regions) from the <see cref="ImageFeatureCache"/>, fetching
/// the image again only on a cache miss. A row whose image cannot be read trains as an image-less row (the fusion
/// models' learned "no image" input) and is counted, never silently dropped.
/// </summary>
public static class ExperimentInputs
{
    private const int ListedIds = 10;

    /// <summary>Builds the rows; <paramref name="progress"/> receives the image rows done.</summary>
    public static async Task<(IReadOnlyList<ExperimentRow> Rows, ImageFeatureCounts Counts)> BuildAsync(
        TrainingCorpus corpus, ImageFeatureCache cache, CorpusOptions options, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        var fetcher = new ImageFetcher(null, options.BlobSource, options.ImagePolicy, options.MaxImageBytes);
        var manifestFolder = Path.GetDirectoryName(corpus.Files[0].Path)!;
        var features = new Dictionary<string, ImageFeatures?>(StringComparer.Ordinal);
        var extractedBefore = cache.Extractions;
        var unreadableIds = new List<string>();
        var rows = new List<ExperimentRow>(corpus.Rows.Count);
        int withFeatures = 0, textOnly = 0, unreadable = 0, done = 0;
        foreach (var row in corpus.Rows)
        {
            ct.ThrowIfCancellationRequested();
            ImageFeatures? image = null;
            if (row.ImageReference is null)
            {
                textOnly++;
            }
            else
            {
                image = row.ImageSha256 is { } sha
                    ? await FeaturesAsync(sha, row, features, cache, fetcher, manifestFolder, options, ct).ConfigureAwait(false)
                    : null;
                if (image is null)
                {
                    unreadable++;
                    if (unreadableIds.Count < ListedIds)
                    {
                        unreadableIds.Add(row.Id);
                    }
                }
                else
                {
                    withFeatures++;
                }

                progress?.Report(++done);
            }

            rows.Add(new ExperimentRow(row.Id, row.Text, row.Description, LabelIndex(corpus, row), row.Split, image?.Pooled, image?.Regions));
        }

        var extracted = cache.Extractions - extractedBefore;
        var cached = features.Values.Count(f => f is not null) - extracted;
        return (rows, new ImageFeatureCounts(withFeatures, textOnly, unreadable, extracted, cached, unreadableIds));
    }

    private static async Task<ImageFeatures?> FeaturesAsync(
        string sha, CorpusRow row, Dictionary<string, ImageFeatures?> known, ImageFeatureCache cache, ImageFetcher fetcher,
        string manifestFolder, CorpusOptions options, CancellationToken ct)
    {
        if (known.TryGetValue(sha, out var seen))
        {
            return seen;
        }

        ImageFeatures? features = null;
        if (cache.TryGet(sha, out var cached))
        {
            features = cached;
        }
        else
        {
            try
            {
                var location = ImageReference.Resolve(row.ImageReference!, manifestFolder, options.ImagePolicy);
                var bytes = await fetcher.FetchAsync(location, ct).ConfigureAwait(false);
                features = cache.GetOrExtract(sha, () => bytes, $"{row.Id} ({row.ImageReference})");
            }
            catch (Exception ex) when (ex is ImageSourceException or Distributed.Data.Images.ImageRejectedException or InvalidDataException)
            {
                features = null;
            }
        }

        known[sha] = features;
        return features;
    }

    private static int LabelIndex(TrainingCorpus corpus, CorpusRow row)
    {
        for (var i = 0; i < corpus.Labels.Count; i++)
        {
            if (string.Equals(corpus.Labels[i], row.Label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidDataException($"Row '{row.Id}' has label '{row.Label}', outside the label set ({string.Join(", ", corpus.Labels)}).");
    }
}
