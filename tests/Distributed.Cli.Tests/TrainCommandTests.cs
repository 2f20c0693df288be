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
    public async Task Train_WorldSize2_Json_TrainsWithTwoTrainersAndReportsTheJob()
    {
        var result = await _cli.RunAsync(["train", Dataset(), "--json", "--data-root", "root", "--run", "parallel-run", "--world-size", "2",
            "--checkpoint-every", "2", .. Small]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = result.Summary;
        Assert.Equal("completed", summary.GetProperty("job_state").GetString());
        Assert.Equal(2, summary.GetProperty("world_size").GetInt32());
        Assert.Equal(2, summary.GetProperty("trainer_silos").GetArrayLength());
        Assert.Equal(6, summary.GetProperty("steps").GetInt32()); // 12 rows, global batch 4, 2 epochs (patience 2: no early stop)
        Assert.Equal(0, summary.GetProperty("restarts").GetInt32());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("resumed_from_step").ValueKind);
        Assert.Equal(6, summary.GetProperty("last_checkpoint_step").GetInt32());
        Assert.True(summary.GetProperty("all_reduce_seconds").GetDouble() > 0);
        Assert.InRange(summary.GetProperty("all_reduce_share").GetDouble(), 0, 1);
        Assert.True(summary.GetProperty("samples_per_second").GetDouble() > 0);
        Assert.InRange(summary.GetProperty("accuracy").GetDouble(), 0, 1);
        var folder = Path.Combine(_cli.WorkingFolder, "root", "runs", "parallel-run");
        Assert.Equal(2, summary.GetProperty("plots").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(folder, "model", "model.safetensors")));
        using var job = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "job.json")));
        var steps = job.RootElement.GetProperty("steps");
        Assert.Equal(6, steps.GetArrayLength());
        Assert.All(steps.EnumerateArray(), step => Assert.Equal(2, step.GetProperty("rank_samples_per_second").GetArrayLength()));
        // The job's own score of test (rank 0, best epoch) is the one this process computes from the exported model.
        Assert.Equal(summary.GetProperty("accuracy").GetDouble(), job.RootElement.GetProperty("status").GetProperty("test").GetProperty("accuracy").GetDouble(), 6);
    }

    [Fact]
    public async Task Train_WorldSizeResume_ContinuesFromTheLastCheckpoint()
    {
        var first = await _cli.RunAsync(["train", Dataset(), "--json", "--data-root", "root", "--run", "resumed-run", "--world-size", "2",
            "--checkpoint-every", "1", "--max-steps", "2", .. Small]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(2, first.Summary.GetProperty("last_checkpoint_step").GetInt32());

        var resumed = await _cli.RunAsync(["train", Dataset(), "--json", "--data-root", "root", "--run", "resumed-run", "--world-size", "1",
            "--resume", .. Small]);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(2, resumed.Summary.GetProperty("resumed_from_step").GetInt32());
        Assert.Equal(6, resumed.Summary.GetProperty("steps").GetInt32());
        Assert.Equal(1, resumed.Summary.GetProperty("world_size").GetInt32());
    }

    [Fact]
    public async Task Train_WorldSizeZero_FailsNamingTheOption()
    {
        var result = await _cli.RunAsync(["train", Dataset(), "--json", "--data-root", "root", "--world-size", "0", .. Small]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--world-size = 0: must be at least 1", result.ToString(), StringComparison.Ordinal);
    }

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
