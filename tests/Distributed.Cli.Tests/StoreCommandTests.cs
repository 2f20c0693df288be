namespace Distributed.Cli.Tests;

/// <summary><c>distributed store ... --read-only</c>: reads work, writes fail naming the store and the mode.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly CliProcess _cli = new();

    [Fact]
    public async Task StoreStats_ReadOnly_Works_Compact_FailsNamingStoreAndMode()
    {
        var store = Path.Combine(_cli.WorkingFolder, "store");
        Directory.CreateDirectory(store);

        var stats = await _cli.RunAsync("store", "stats", "--store", store, "--read-only", "--json");
        var compact = await _cli.RunAsync("store", "compact", "--store", store, "--read-only", "--json");

        Assert.True(stats.ExitCode == 0, stats.ToString());
        Assert.Equal(0, stats.Summary.GetProperty("store_stats").GetProperty("rows").GetInt64());
        Assert.Equal(1, compact.ExitCode);
        Assert.Contains("read-only", compact.ToString(), StringComparison.Ordinal);
        Assert.Contains(store, compact.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
