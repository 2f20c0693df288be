using System.Text.Json;

namespace Distributed.Cli.Tests;

public sealed class ExperimentCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    [Fact]
    public async Task Experiment_Json_SmallProfileOneSeed_ReportsEveryVariantWithAlignmentAndPlots()
    {
        var run = await _cli.RunAsync("run", "--json", "--data-root", "root", "--set", "Sample:Count=80",
            "--set", "Training:Encoder=small", "--set", "Training:Epochs=1");
        Assert.True(run.ExitCode == 0, run.ToString());
        var manifest = Path.Combine(_cli.WorkingFolder, "root", "datasets", "sample", "manifest.jsonl");

        var result = await _cli.RunAsync("experiment", manifest, "--json", "--data-root", "root", "--id", "small",
            "--encoder", "small", "--seeds", "1", "--epochs", "1", "--max-length", "96", "--batch-size", "16");

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = result.Summary;
        Assert.Equal("ok", summary.GetProperty("status").GetString());
        var variants = summary.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], variants.Select(v => v.GetProperty("variant").GetString()));
        foreach (var variant in variants)
        {
            Assert.False(string.IsNullOrWhiteSpace(variant.GetProperty("name").GetString()));
            foreach (var metric in new[] { "accuracy", "weighted_f1", "macro_f1" })
            {
                Assert.InRange(variant.GetProperty(metric).GetDouble(), 0, 1);
                Assert.Equal(0, variant.GetProperty(metric + "_std").GetDouble());
            }
        }

        Assert.Equal(80, summary.GetProperty("image_features").GetProperty("with_features").GetInt32());
        var alignment = summary.GetProperty("alignment");
        Assert.InRange(alignment.GetProperty("text_image").GetProperty("matched_cka").GetDouble(), 0, 1);
        Assert.InRange(alignment.GetProperty("text_description").GetProperty("shuffled_cka").GetDouble(), 0, 1);
        var folder = Path.Combine(_cli.WorkingFolder, "root", "experiments", "small");
        Assert.Contains("| (g) |", File.ReadAllText(Path.Combine(folder, "experiment.md")), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "experiment.json")));
        Assert.Equal(7, json.RootElement.GetProperty("results").GetArrayLength());
        foreach (var plot in summary.GetProperty("plots").EnumerateArray())
        {
            var bytes = File.ReadAllBytes(plot.GetString()!);
            Assert.Equal((byte)0x89, bytes[0]);
            Assert.Equal((byte)'P', bytes[1]);
        }
    }

    [Fact]
    public async Task Experiment_UnknownVariant_FailsNamingIt()
    {
        var result = await _cli.RunAsync("experiment", "missing.jsonl", "--json", "--variants", "a,z");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'z'", result.Summary.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
