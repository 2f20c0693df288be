using System.Text.Json;
using Distributed.Training.Experiments;

namespace Distributed.Training.Tests.Experiments;

public sealed class ExperimentRunnerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Run_TinySyntheticData_ReportsAllVariantsAlignmentAndJson()
    {
        var rows = SyntheticExperiment.Rows();
        var progress = new List<ExperimentProgress>();
        var runner = new ExperimentRunner(SyntheticExperiment.Options());

        // One libtorch thread: on a shared 2-core machine the default pool oversubscribes and is many times slower.
        var threads = TorchSharp.torch.get_num_threads();
        TorchSharp.torch.set_num_threads(1);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        ExperimentResult result;
        try
        {
            result = runner.Run(rows, SyntheticExperiment.Labels, new SyncProgress(progress.Add));
        }
        finally
        {
            TorchSharp.torch.set_num_threads(threads);
        }

        output.WriteLine($"7 runs in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], result.Results.Select(r => r.Variant));
        foreach (var variant in result.Results)
        {
            Assert.InRange(variant.Accuracy, 0, 1);
            Assert.InRange(variant.WeightedF1, 0, 1);
            Assert.InRange(variant.MacroF1, 0, 1);
            Assert.Equal(0, variant.AccuracyStd);
            var seed = Assert.Single(variant.Seeds);
            Assert.Single(seed.Epochs);
        }

        Assert.Equal(7 * 3, progress.Count);
        Assert.All(progress, p => Assert.Equal(3, p.TotalSteps));
        Assert.Equal(6, progress[^1].Run);

        var sources = result.ShuffledDescriptionSources[42];
        var described = rows.Where(r => r.HasDescription).ToDictionary(r => r.Id);
        Assert.Equal(described.Count, sources.Count);
        Assert.All(sources, p =>
        {
            Assert.NotEqual(p.Key, p.Value);
            Assert.Equal(described[p.Key].Split, described[p.Value].Split);
        });

        Assert.NotNull(result.Alignment.TextImage);
        Assert.NotNull(result.Alignment.TextDescription);
        Assert.InRange(result.Alignment.TextImage.MatchedCka, 0, 1 + 1e-9);
        Assert.InRange(result.Alignment.TextDescription.ShuffledCosine, -1 - 1e-9, 1 + 1e-9);

        using var json = JsonDocument.Parse(new ExperimentReport(result).ToJson());
        var first = json.RootElement.GetProperty("results")[0];
        foreach (var field in new[] { "variant", "name", "accuracy", "accuracy_std", "weighted_f1", "weighted_f1_std", "macro_f1", "macro_f1_std", "seeds" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"results[0] lacks '{field}'");
        }

        Assert.Equal("a", first.GetProperty("variant").GetString());
        Assert.True(first.GetProperty("seeds")[0].GetProperty("epochs")[0].TryGetProperty("dev_weighted_f1", out _));
        var alignment = json.RootElement.GetProperty("alignment");
        Assert.True(alignment.GetProperty("text_image").TryGetProperty("matched_cka", out _));
        Assert.True(alignment.GetProperty("text_description").TryGetProperty("shuffled_cosine", out _));
        Assert.False(json.RootElement.TryGetProperty("shuffled_description_sources", out _));

        var markdown = new ExperimentReport(result).ToMarkdown();
        Assert.Contains("| (g) |", markdown, StringComparison.Ordinal);
        Assert.Contains("post vs description", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EmptyTrainSplit_ThrowsNamingTheSplit()
    {
        var rows = SyntheticExperiment.Rows().Where(r => r.Split != ExperimentSplit.Train).ToList();
        var error = Assert.Throws<ArgumentException>(() => Runner("a").Run(rows, SyntheticExperiment.Labels));
        Assert.Contains("train split is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LabelOutsideLabelSet_ThrowsNamingRowAndLabel()
    {
        var rows = SyntheticExperiment.Rows();
        rows[7] = rows[7] with { Label = 2 };
        var error = Assert.Throws<ArgumentException>(() => Runner("a").Run(rows, SyntheticExperiment.Labels));
        Assert.Contains("Row 'row-7' has label 2, outside the label set of 2 labels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b", "image features")]
    [InlineData("c", "region features")]
    public void Run_FusionWithoutImages_ThrowsNamingVariantAndInput(string variant, string input)
    {
        var rows = SyntheticExperiment.Rows().Select(r => r with { ImageFeatures = null, ImageRegions = null }).ToList();
        var error = Assert.Throws<ArgumentException>(() => Runner(variant).Run(rows, SyntheticExperiment.Labels));
        Assert.Contains($"Variant ({variant})", error.Message, StringComparison.Ordinal);
        Assert.Contains(input, error.Message, StringComparison.Ordinal);
        Assert.Contains("no row has any", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ImageFeaturesOfWrongLength_ThrowsNamingTheRow()
    {
        var rows = SyntheticExperiment.Rows();
        rows[3] = rows[3] with { ImageFeatures = new float[10] };
        var error = Assert.Throws<ArgumentException>(() => Runner("b").Run(rows, SyntheticExperiment.Labels));
        Assert.Contains("Row 'row-3' has 10 image features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownSplit_ThrowsNamingRowAndSplit()
    {
        var rows = SyntheticExperiment.Rows();
        rows[0] = rows[0] with { Split = "validation" };
        var error = Assert.Throws<ArgumentException>(() => Runner("a").Run(rows, SyntheticExperiment.Labels));
        Assert.Contains("Row 'row-0' has split 'validation'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MethodWithoutAnyDescription_ThrowsNamingVariant()
    {
        var rows = SyntheticExperiment.Rows().Select(r => r with { Description = null }).ToList();
        var error = Assert.Throws<ArgumentException>(() => Runner("d").Run(rows, SyntheticExperiment.Labels));
        Assert.Contains("Variant (d)", error.Message, StringComparison.Ordinal);
        Assert.Contains("image descriptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ShuffleWithOneDescribedRowInSplit_ThrowsNamingTheSplit()
    {
        var rows = SyntheticExperiment.Rows();
        var firstDev = rows.First(r => r.Split == ExperimentSplit.Dev && r.HasDescription);
        rows = [.. rows.Select(r => r.Split == ExperimentSplit.Dev && r.Id != firstDev.Id ? r with { Description = null } : r)];
        var error = Assert.Throws<ArgumentException>(() => Runner("g").Run(rows, SyntheticExperiment.Labels));
        Assert.Contains("the dev split has only one row with a description", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownVariantOrNoSeeds_Throws()
    {
        var unknown = Assert.Throws<ArgumentException>(() => new ExperimentRunner(SyntheticExperiment.Options() with { Variants = ["z"] }));
        Assert.Contains("Unknown experiment variant 'z'", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ExperimentRunner(SyntheticExperiment.Options() with { Seeds = [] }));
    }

    [Fact]
    public void SampleStd_TwoValues_UsesNMinusOne_OneValue_IsZero()
    {
        Assert.Equal(Math.Sqrt(2), ExperimentRunner.SampleStd([1.0, 3.0]), 12);
        Assert.Equal(0.0, ExperimentRunner.SampleStd([0.7]));
    }

    private static ExperimentRunner Runner(string variant) =>
        new(SyntheticExperiment.Options() with { Variants = [variant] });

    private sealed class SyncProgress(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => report(value);
    }
}
