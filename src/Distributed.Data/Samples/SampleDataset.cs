namespace Distributed.Data.Samples;

/// <summary>
/// Deterministic sample image+text sentiment dataset: <c>manifest.jsonl</c> plus <c>images/*.png</c>. The same
/// seed and options give byte-identical files on every machine (pixels and PNG/zlib encoding are managed integer
/// code; only aliased caption glyphs come from Skia). The label depends on the image, not only on the post text: a
/// caption, when present, states the label; otherwise the scene class (bright/warm, grey/beige, dark/cluttered)
/// equals the label. Half of the post texts carry no sentiment and a tenth mislead.
/// </summary>
public static class SampleDataset
{
    /// <summary>Name of the manifest file inside the dataset folder.</summary>
    public const string ManifestFileName = "manifest.jsonl";

    /// <summary>Name of the image folder inside the dataset folder.</summary>
    public const string ImagesFolderName = "images";

    /// <summary>
    /// Writes the dataset when <c>folder/manifest.jsonl</c> is absent; otherwise reads the existing manifest and
    /// returns its summary with <see cref="SampleDatasetSummary.Generated"/> false.
    /// </summary>
    public static async Task<SampleDatasetSummary> EnsureAsync(
        string folder, SampleDatasetOptions options, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var manifest = Path.Combine(Path.GetFullPath(folder), ManifestFileName);
        return File.Exists(manifest)
            ? await SampleManifest.ReadSummaryAsync(manifest, generated: false, ct).ConfigureAwait(false)
            : await GenerateAsync(folder, options, progress, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Always (re)writes the dataset: deletes any manifest first, writes every image (progress reports the count
    /// written), then writes the manifest last and atomically, so an interrupted run is redone by
    /// <see cref="EnsureAsync"/>.
    /// </summary>
    public static async Task<SampleDatasetSummary> GenerateAsync(
        string folder, SampleDatasetOptions options, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var root = Path.GetFullPath(folder);
        var manifest = Path.Combine(root, ManifestFileName);
        Directory.CreateDirectory(Path.Combine(root, ImagesFolderName));
        File.Delete(manifest);

        var plans = SamplePlanner.Plan(options);
        using var typeface = SampleImageRenderer.LoadFont(options.FontPath);
        var written = 0;
        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(plans, parallel, async (plan, token) =>
        {
            var png = SampleImageRenderer.Render(plan, options.ImageSize, typeface);
            await File.WriteAllBytesAsync(Path.Combine(root, plan.ImagePath), png, token).ConfigureAwait(false);
            progress?.Report(Interlocked.Increment(ref written));
        }).ConfigureAwait(false);

        await SampleManifest.WriteAsync(manifest, plans, ct).ConfigureAwait(false);
        return await SampleManifest.ReadSummaryAsync(manifest, generated: true, ct).ConfigureAwait(false);
    }
}
