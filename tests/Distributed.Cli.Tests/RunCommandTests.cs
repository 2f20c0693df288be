namespace Distributed.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    [Fact]
    public async Task Run_Json_EveryStageDoneAndTheRunFolderWritten()
    {
        var result = await _cli.RunAsync("run", "--json", "--data-root", "root", "--set", "Sample:Count=30", "--set", "Training:Encoder=small",
            "--set", "Training:Epochs=1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = result.Summary;
        Assert.Equal("run", summary.GetProperty("command").GetString());
        Assert.Equal("ok", summary.GetProperty("status").GetString());
        foreach (var stage in new[] { "cluster", "sample_data", "caption", "store", "corpus", "train", "evaluate", "report" })
        {
            Assert.Equal("done", result.StageStatus(stage));
        }

        Assert.Equal(0, summary.GetProperty("missing").GetInt32());
        Assert.Equal(1, summary.GetProperty("epochs_run").GetInt32());
        var runFolder = summary.GetProperty("run_folder").GetString()!;
        Assert.StartsWith(Path.Combine(_cli.WorkingFolder, "root", "runs"), runFolder, StringComparison.Ordinal);
        foreach (var file in new[] { "model/model.safetensors", "provenance.json", "metrics.json", "curves.json", "training_curves.png", "confusion_matrix.png" })
        {
            Assert.True(File.Exists(Path.Combine(runFolder, file)), file);
        }

        Assert.Equal(30, summary.GetProperty("described").GetInt64());
        Assert.Equal(30, summary.GetProperty("describer_calls").GetInt64());
        Assert.Equal(30, summary.GetProperty("store_stats").GetProperty("unique_keys").GetInt64());

        Assert.Equal(30, summary.GetProperty("dataset").GetProperty("rows").GetInt32());
        Assert.Equal("embedded", summary.GetProperty("cluster").GetProperty("mode").GetString());
        Assert.Single(summary.GetProperty("cluster").GetProperty("nodes").EnumerateArray());
        Assert.Equal(Path.Combine(_cli.WorkingFolder, "root"), summary.GetProperty("data_root").GetString());
        Assert.True(File.Exists(Path.Combine(_cli.WorkingFolder, "root", "datasets", "sample", "manifest.jsonl")));
    }

    [Fact]
    public async Task Run_SecondTime_ReusesSampleDataAndMakesZeroDescriberCalls()
    {
        await _cli.RunAsync("run", "--json", "--set", "Sample:Count=20", "--set", "Training:Encoder=small", "--set", "Training:Epochs=1");

        var result = await _cli.RunAsync("run", "--json", "--set", "Sample:Count=20", "--set", "Training:Encoder=small", "--set", "Training:Epochs=1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(result.Summary.GetProperty("dataset").GetProperty("generated").GetBoolean());
        Assert.Equal(0, result.Summary.GetProperty("describer_calls").GetInt64());
        Assert.Equal(20, result.Summary.GetProperty("cached").GetInt64());
    }

    [Fact]
    public async Task Run_BadSetting_FailsNamingKeyAndRange()
    {
        var result = await _cli.RunAsync("run", "--json", "--set", "Cluster:GatewayPort=-5");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("failed", result.Summary.GetProperty("status").GetString());
        Assert.Contains("Cluster:GatewayPort = -5: must be between 0 and 65535", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("skipped", result.StageStatus("sample_data"));
    }

    [Fact]
    public async Task Run_MissingClusterFile_FailsNamingFile()
    {
        var result = await _cli.RunAsync("run", "--json", "--cluster", "nowhere.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nowhere.json", result.Summary.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadTrainingSetting_FailsNamingKey()
    {
        var result = await _cli.RunAsync("run", "--json", "--set", "Training:Encoder=bert-large");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Training:Encoder = 'bert-large': must be minilm or small", result.Summary.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
