using System.Diagnostics;
using System.Globalization;
using Distributed.Abstractions.Cluster;
using Distributed.Grains.Cluster;
using Distributed.Hosting.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Distributed.Cluster.Tests;

/// <summary>
/// A cluster started by the real <c>tools/cluster.sh</c> in a temporary state folder (its own Azurite, silo processes
/// of the Release build). Dispose runs <c>down</c> and, whatever happens, kills any recorded process still alive.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>Membership timing for tests: a killed silo is declared dead in a few seconds, not ~13.</summary>
    public static readonly string[] FastMembership =
    [
        "--set", "Orleans:Membership:ProbeTimeout=00:00:01",
        "--set", "Orleans:Membership:NumMissedProbesLimit=2",
        "--set", "Orleans:Membership:NumVotesForDeathDeclaration=1",
        "--set", "Orleans:Membership:TableRefreshTimeout=00:00:02",
        "--set", "Orleans:Membership:IAmAliveTablePublishTimeout=00:00:05",
    ];

    private IHost? _client;

    public string State { get; } = Directory.CreateTempSubdirectory("distributed-cluster-").FullName;

    public string ClientConfig => Path.Combine(State, "client.json");

    public static string Script => Path.Combine(Requirements.RepositoryRoot(), "tools", "cluster.sh");

    /// <summary>Skips (or fails on CI) when what a local cluster needs is missing.</summary>
    public static void Require()
    {
        Requirements.Tesseract();
        var azurite = Path.Combine(Requirements.RepositoryRoot(), ".tools", "azurite", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            if (Requirements.OnCi)
            {
                throw new InvalidOperationException($"{azurite} is missing (CI=true: not skipping); run tools/setup.sh");
            }

            throw new SkipException($"{azurite} is missing: run tools/setup.sh; skipping.");
        }
    }

    public Task<ScriptResult> UpAsync(params string[] args) => RunScriptAsync(["up", .. args, .. FastMembership], TimeSpan.FromMinutes(4));

    public Task<ScriptResult> DownAsync() => RunScriptAsync(["down"], TimeSpan.FromMinutes(1));

    public async Task<ScriptResult> RunScriptAsync(string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CLUSTER_STATE"] = State;
        start.Environment["CLUSTER_CLI_DLL"] = Path.Combine(AppContext.BaseDirectory, "distributed.dll");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tools/cluster.sh {string.Join(' ', args)} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }

        return new ScriptResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Pids recorded by <c>up</c>: <c>silo-0</c> … and <c>azurite</c>.</summary>
    public IReadOnlyDictionary<string, int> RecordedPids() =>
        Directory.EnumerateFiles(State, "*.pid").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => int.Parse(File.ReadAllText(f).Split(' ')[0], CultureInfo.InvariantCulture));

    public int SiloPid(int index) => RecordedPids()[$"silo-{index}"];

    public int AzuritePid => RecordedPids()["azurite"];

    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>kill -9: no graceful shutdown, the silo just disappears.</summary>
    public static void KillHard(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    /// <summary>An Orleans client of this cluster (from the client.json <c>up</c> wrote), for inspecting grains.</summary>
    public async Task<IClusterClient> ClientAsync()
    {
        if (_client is null)
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddDistributedSources(ClientConfig);
            builder.AddDistributedClient("cluster-tests");
            _client = builder.Build();
            await _client.StartAsync();
        }

        return _client.Services.GetRequiredService<IClusterClient>();
    }

    public async Task<IReadOnlyList<NodeInfo>> NodesAsync() => await ClusterInventory.ListNodesAsync(await ClientAsync());

    public async ValueTask DisposeAsync()
    {
        var pids = Directory.Exists(State) ? RecordedPids() : new Dictionary<string, int>();
        if (_client is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _client.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }

            _client.Dispose();
        }

        try
        {
            await DownAsync();
        }
        finally
        {
            foreach (var pid in pids.Values.Where(IsAlive))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    if (process.ProcessName is "dotnet" or "node")
                    {
                        KillHard(pid);
                    }
                }
                catch (ArgumentException)
                {
                }
            }

            Directory.Delete(State, recursive: true);
        }
    }
}

public sealed record ScriptResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
