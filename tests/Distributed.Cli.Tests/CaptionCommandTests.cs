using System.Diagnostics;

namespace Distributed.Cli.Tests;

public sealed class CaptionCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    private string Store => Path.Combine(_cli.WorkingFolder, ".distributed", "store");

    [SkippableFact]
    public async Task Caption_KilledMidJobThenResumed_EveryKeyStoredOnce()
    {
        Requirements.Tesseract();
        var sample = await _cli.RunAsync("sample", "--json", "-o", "ds", "--set", "Sample:Count=60");
        Assert.True(sample.ExitCode == 0, sample.ToString());

        using (var first = _cli.Start("caption", "ds/manifest.jsonl", "--json", "--job", "j1", "--shard-rows", "5", "--parallel-shards", "1"))
        {
            await WaitForSegmentsAsync(2, first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var resumed = await _cli.RunAsync("caption", "--resume", "j1", "--json");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var summary = resumed.Summary;
        Assert.Equal("j1", summary.GetProperty("job").GetString());
        Assert.Equal(60, summary.GetProperty("rows").GetInt64());
        Assert.Equal(60, summary.GetProperty("described").GetInt64() + summary.GetProperty("cached").GetInt64());
        var stats = (await _cli.RunAsync("store", "stats", "--json")).Summary.GetProperty("store_stats");
        Assert.Equal(60, stats.GetProperty("unique_keys").GetInt64());
        Assert.InRange(stats.GetProperty("rows").GetInt64(), 60, 60 + 5);
        var status = await _cli.RunAsync("status", "j1", "--json");
        Assert.Equal("completed", status.Summary.GetProperty("job").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Caption_WithoutDatasetOrResume_FailsWithUsage()
    {
        var result = await _cli.RunAsync("caption", "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("caption needs a dataset, or --resume <job>", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caption_ShardRowsOutOfRange_FailsNamingOptionAndRange()
    {
        var result = await _cli.RunAsync("caption", "ds", "--shard-rows", "0", "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--shard-rows = 0: must be between 1 and 1000000", result.Stderr, StringComparison.Ordinal);
    }

    private async Task WaitForSegmentsAsync(int count, Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!Directory.Exists(Store) || Directory.GetFiles(Store, "*.parquet", SearchOption.AllDirectories).Length < count)
        {
            Assert.False(process.HasExited, "the caption process ended before it could be killed");
            await Task.Delay(50, timeout.Token);
        }
    }

    public void Dispose() => _cli.Dispose();
}
