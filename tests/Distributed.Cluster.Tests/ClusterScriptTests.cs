using Distributed.Cli.Tests;

namespace Distributed.Cluster.Tests;

/// <summary>tools/cluster.sh up / status / down around the main job on three silo processes.</summary>
public sealed class ClusterScriptTests : IAsyncLifetime
{
    private readonly LocalCluster _cluster = new();
    private readonly CliProcess _cli = new();

    [SkippableFact]
    public async Task Up_ThreeSilos_RunCompletes_DownLeavesNoProcess()
    {
        LocalCluster.Require();
        var up = await _cluster.UpAsync("--silos", "3", "--roles", "describer,describer,trainer");
        Assert.True(up.ExitCode == 0, up.ToString());
        var pids = _cluster.RecordedPids();
        Assert.Equal(["azurite", "silo-0", "silo-1", "silo-2"], pids.Keys.Order(StringComparer.Ordinal));
        Assert.All(pids.Values, pid => Assert.True(LocalCluster.IsAlive(pid)));

        var again = await _cluster.UpAsync("--silos", "3", "--roles", "describer,describer,trainer");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("already up", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(pids, _cluster.RecordedPids());

        var status = await _cluster.RunScriptAsync(["status", "--json"], TimeSpan.FromMinutes(1));
        Assert.True(status.ExitCode == 0, status.ToString());
        var nodes = System.Text.Json.JsonDocument.Parse(status.Stdout.TrimEnd().Split('\n')[^1]).RootElement
            .GetProperty("cluster").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(3, nodes.Count);
        Assert.Equal(2, nodes.Count(n => n.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "describer")));

        var run = await _cli.RunAsync("run", "--json", "--cluster", _cluster.ClientConfig, "--data-root", "root",
            "--set", "Sample:Count=40", "--set", "Training:Encoder=small", "--set", "Training:Epochs=1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ok", run.Summary.GetProperty("status").GetString());
        Assert.Equal("client", run.Summary.GetProperty("cluster").GetProperty("mode").GetString());
        Assert.Equal(3, run.Summary.GetProperty("cluster").GetProperty("nodes").GetArrayLength());
        Assert.Equal(40, run.Summary.GetProperty("store_stats").GetProperty("unique_keys").GetInt64());

        var down = await _cluster.DownAsync();
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.All(pids, p => Assert.False(LocalCluster.IsAlive(p.Value), $"{p.Key} (pid {p.Value}) still runs after down"));
        Assert.Empty(_cluster.RecordedPids());

        var downAgain = await _cluster.DownAsync();
        Assert.True(downAgain.ExitCode == 0, downAgain.ToString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _cli.Dispose();
    }
}
