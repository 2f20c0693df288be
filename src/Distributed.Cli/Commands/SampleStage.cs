using Distributed.Cli.Output;
using Distributed.Data.Samples;
using Distributed.Hosting.Options;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>The "sample_data" stage: make sure the embedded sample dataset exists under the data root.</summary>
public static class SampleStage
{
    public const string Name = "sample_data";
    public const string SectionName = "Sample";

    public static string DefaultFolder(IConfiguration configuration) =>
        Path.Combine(configuration.ReadSection<DataRootOptions>().FullRoot, "datasets", "sample");

    /// <summary>Sample options from the <c>Sample</c> section (Count, Seed, ImageSize, FontPath).</summary>
    public static SampleDatasetOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName)
            .Get<SampleDatasetOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new SampleDatasetOptions();
        options.Validate();
        return options;
    }

    public static async Task<SampleDatasetSummary?> RunAsync(
        CommandSummary summary, Reporter reporter, IConfiguration configuration, string folder, bool force, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reporter);
        SampleDatasetSummary? dataset = null;
        await summary.RunStageAsync(Name, async () =>
        {
            var options = ReadOptions(configuration);
            dataset = force || !File.Exists(Path.Combine(folder, SampleDataset.ManifestFileName))
                ? await reporter.WithProgressAsync("sample images", options.Count,
                    progress => SampleDataset.GenerateAsync(folder, options, progress, ct))
                : await SampleDataset.EnsureAsync(folder, options, ct: ct);
            summary.Set("dataset", dataset);
            return $"{dataset.Rows} rows, {dataset.Images} images ({(dataset.Generated ? "generated" : "already present")})";
        });
        return dataset;
    }
}
