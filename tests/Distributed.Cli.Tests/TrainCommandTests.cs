using System.Text.Json;

namespace Distributed.Cli.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    private string Dataset()
    {
        var folder = Path.Combine(_cli.WorkingFolder, "tiny");
        Directory.CreateDirectory(folder);
        string[] texts = ["love it", "great win", "so happy", "awful day", "terrible loss", "so sad"];
        void Write(string split, int count) => File.WriteAllLines(Path.Combine(folder, split + ".jsonl"),
            Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new
            {
                id = $"{split}{i}",
                text = texts[i % texts.Length],
                label = i % texts.Length < 3 ? "positive" : "negative",
            })));
        Write("train", 12);
        Write("dev", 6);
        Write("test", 6);
        return folder;
    }

    private static readonly string[] Small = ["--encoder", "small", "--epochs", "2", "--batch-size", "4", "--max-length", "16", "--top-k", "4"];

    [Fact]
    public async Task Train_Json_TinyDatasetSmallEncoder_WritesRunAndSummary()
    {
        var result = await _cli.RunAsync(["train", Dataset(), "--json", "--data-root", "root", "--run", "tiny-run", .. Small]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = result.Summary;
        Assert.Equal("ok", summary.GetProperty("status").GetString());
        Assert.Equal("tiny-run", summary.GetProperty("run").GetString());
        Assert.Equal(12, summary.GetProperty("rows").GetProperty("train").GetInt32());
        Assert.Equal(6, summary.GetProperty("rows").GetProperty("test").GetInt32());
        Assert.Equal(0, summary.GetProperty("missing").GetInt32());
        Assert.Equal(24, summary.GetProperty("text_only").GetInt32());
        Assert.InRange(summary.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.InRange(summary.GetProperty("weighted_f1").GetDouble(), 0, 1);
        Assert.InRange(summary.GetProperty("macro_f1").GetDouble(), 0, 1);
        Assert.InRange(summary.GetProperty("dev_weighted_f1").GetDouble(), 0, 1);
        Assert.InRange(summary.GetProperty("epochs_run").GetInt32(), 1, 2);
        Assert.True(summary.GetProperty("steps").GetInt32() >= 3);
        Assert.True(summary.GetProperty("seconds").GetDouble() > 0);
        var folder = Path.Combine(_cli.WorkingFolder, "root", "runs", "tiny-run");
        Assert.Equal(folder, summary.GetProperty("run_folder").GetString());
        Assert.Equal(2, summary.GetProperty("plots").GetArrayLength());
        using var provenance = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "provenance.json")));
        Assert.Equal(3, provenance.RootElement.GetProperty("manifests").GetArrayLength());
        Assert.Equal(64, provenance.RootElement.GetProperty("manifests")[0].GetProperty("sha256").GetString()!.Length);
        Assert.Equal("text-only", provenance.RootElement.GetProperty("missing_policy").GetString());
        Assert.Equal(42, provenance.RootElement.GetProperty("training").GetProperty("seed").GetInt32());

        var eval = await _cli.RunAsync("eval", "tiny-run", Dataset(), "--json", "--data-root", "root");
        Assert.True(eval.ExitCode == 0, eval.ToString());
        Assert.Equal(summary.GetProperty("accuracy").GetDouble(), eval.Summary.GetProperty("accuracy").GetDouble(), 6);

        var predict = await _cli.RunAsync("predict", "tiny-run", Dataset(), "--json", "--data-root", "root", "-o", "p.jsonl");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        var lines = File.ReadAllLines(Path.Combine(_cli.WorkingFolder, "p.jsonl"));
        Assert.Equal(24, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("train0", first.RootElement.GetProperty("id").GetString());
        Assert.Equal(1.0, first.RootElement.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()), 4);
    }

    [Fact]
    public async Task Train_BadOptionValue_FailsNamingOptionAndValue()
    {
        var result = await _cli.RunAsync(["train", Dataset(), "--json", .. Small, "--missing", "maybe"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--missing 'maybe'", result.Summary.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_DevLabelOutsideSet_FailsNamingRow()
    {
        var folder = Dataset();
        File.AppendAllLines(Path.Combine(folder, "dev.jsonl"), [JsonSerializer.Serialize(new { id = "odd1", text = "x", label = "angry" })]);

        var result = await _cli.RunAsync(["train", folder, "--json", .. Small]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("failed", result.StageStatus("corpus"));
        Assert.Contains("'odd1'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("'angry'", result.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
