using System.Diagnostics;
using System.Text.Json;
using Distributed.Abstractions.Captioning;
using Distributed.Abstractions.Training;
using Distributed.Cli.Tests;
using Distributed.Grains.Tests;
using Distributed.Data.Samples;
using Distributed.Storage.Descriptions;
using Xunit.Abstractions;

namespace Distributed.Cluster.Tests;

/// <summary>
/// Faults on real processes of a cluster started by tools/cluster.sh: a silo killed with SIGKILL, Azurite frozen, a
/// describer whose VLM server is unreachable. Every wait is bounded.
/// </summary>
public sealed class ClusterFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);
    private readonly LocalCluster _cluster = new();
    private readonly CliProcess _cli = new();
    private readonly List<Process> _started = [];

    private string Root => Path.Combine(_cli.WorkingFolder, "root");

    /// <summary>
    /// A describer silo dies mid-job: <c>kill -9</c> (no chance to finish anything), or SIGTERM (graceful shutdown: the
    /// silo leaves the cluster, its in-flight batches finish or their shards are handed back and retried elsewhere).
    /// </summary>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Caption_DescriberSiloKilledMidJob_CompletesWithEveryRowStoredOnce(bool graceful)
    {
        const int Rows = 100;
        LocalCluster.Require();
        await UpAsync("--roles", "describer,describer,trainer");
        var dataset = await SampleAsync(Rows);
        var store = Path.Combine(Root, "store");
        var job = $"kill-describer-{Guid.NewGuid():N}"[..24];
        var caption = StartCaption(dataset, job, "--shard-rows", "4", "--parallel-shards", "2");

        await WaitForAsync(async () => (await StatsAsync(store))?.UniqueKeys >= 4, "a first shard stored");
        var victim = await DescriberAwayFromTheJobAsync(job);
        if (graceful)
        {
            using var term = Process.Start("kill", ["-TERM", victim.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await term.WaitForExitAsync();
        }
        else
        {
            LocalCluster.KillHard(victim);
        }

        var storedAtKill = (await StatsAsync(store))!.UniqueKeys;
        Assert.True(storedAtKill < Rows, "the job had finished before the kill: make it longer");
        var result = await WaitForExitAsync(caption);

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = result.Summary;
        Assert.Equal(Rows, summary.GetProperty("rows").GetInt64());
        Assert.Equal(0, summary.GetProperty("failed").GetInt64());
        Assert.Equal(0, summary.GetProperty("transient").GetInt64());
        var stats = (await StatsAsync(store))!;
        Assert.Equal(Rows, stats.UniqueKeys);
        Assert.InRange(stats.Rows, Rows, Rows + (2 * 4));
        Assert.False(LocalCluster.IsAlive(victim));
        output.WriteLine($"{(graceful ? "stopped (SIGTERM)" : "killed")} describer pid {victim} with {storedAtKill}/{Rows} keys stored; store rows {stats.Rows}, " +
                         $"describer_calls {summary.GetProperty("describer_calls")}");
    }

    [SkippableFact]
    public async Task Train_TrainerSiloKilledMidTraining_ResumesFromCheckpointOnTheSurvivor()
    {
        LocalCluster.Require();
        await UpAsync("--roles", "general,trainer,trainer");
        var dataset = await SampleAsync(120);
        var run = $"kill-trainer-{Guid.NewGuid():N}"[..24];
        var train = Track(_cli.Start("train", dataset, "--json", "--cluster", _cluster.ClientConfig, "--data-root", Root,
            "--run", run, "--world-size", "2", "--encoder", "small", "--epochs", "3", "--batch-size", "8",
            "--checkpoint-every", "2", "--replacement-wait", "5"));

        var client = await _cluster.ClientAsync();
        var job = client.GetGrain<ITrainingJobGrain>(run);
        TrainingJobStatus? status = null;
        await WaitForAsync(async () =>
        {
            status = await job.GetStatusAsync();
            return status.LastCheckpointStep >= 2 && status.TrainerSilos.Count == 2;
        }, "a checkpoint of the W = 2 run", train.Process);
        Assert.False(status!.IsFinished, "training finished before the kill: make the run longer");
        var nodes = await _cluster.NodesAsync();
        var victim = nodes.First(n => n.Roles.Contains("trainer") && n.SiloAddress != status.CoordinatorSilo
                                      && status.TrainerSilos.Contains(n.SiloAddress));
        LocalCluster.KillHard(victim.ProcessId);
        var result = await WaitForExitAsync(train);

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = result.Summary;
        Assert.Equal("completed", summary.GetProperty("job_state").GetString());
        Assert.True(summary.GetProperty("restarts").GetInt32() >= 1, result.ToString());
        Assert.True(summary.GetProperty("resumed_from_step").GetInt32() > 0, result.ToString());
        Assert.Equal(1, summary.GetProperty("world_size").GetInt32());
        output.WriteLine($"killed trainer pid {victim.ProcessId} at step {status.Step}; restarts {summary.GetProperty("restarts")}, " +
                         $"resumed_from_step {summary.GetProperty("resumed_from_step")}, steps {summary.GetProperty("steps")}");
    }

    /// <summary>
    /// The coordinator's own silo is killed (with it the job's in-memory state, and a trainer when the coordinator shared
    /// a trainer's silo): the waiting CLI sees a fresh coordinator and starts it again from the last checkpoint.
    /// </summary>
    [SkippableFact]
    public async Task Train_CoordinatorSiloKilled_TheCliRestartsItFromTheLastCheckpoint()
    {
        LocalCluster.Require();
        await UpAsync("--roles", "general,trainer,trainer");
        var dataset = await SampleAsync(120);
        var run = $"kill-coord-{Guid.NewGuid():N}"[..24];
        var train = Track(_cli.Start("train", dataset, "--json", "--cluster", _cluster.ClientConfig, "--data-root", Root,
            "--run", run, "--world-size", "2", "--encoder", "small", "--epochs", "3", "--batch-size", "8",
            "--checkpoint-every", "2", "--replacement-wait", "5"));

        var job = (await _cluster.ClientAsync()).GetGrain<ITrainingJobGrain>(run);
        TrainingJobStatus? status = null;
        await WaitForAsync(async () => (status = await job.GetStatusAsync()).LastCheckpointStep >= 2, "a checkpoint", train.Process);
        Assert.False(status!.IsFinished, "training finished before the kill: make the run longer");
        var victim = (await _cluster.NodesAsync()).Single(n => n.SiloAddress == status.CoordinatorSilo);
        LocalCluster.KillHard(victim.ProcessId);
        var result = await WaitForExitAsync(train);

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = result.Summary;
        Assert.Equal("completed", summary.GetProperty("job_state").GetString());
        Assert.True(summary.GetProperty("coordinator_restarts").GetInt32() >= 1, result.ToString());
        Assert.True(summary.GetProperty("resumed_from_step").GetInt32() >= 2, result.ToString());
        output.WriteLine($"killed the coordinator's silo (pid {victim.ProcessId}, roles {string.Join(",", victim.Roles)}) at step {status.Step}; " +
                         $"resumed_from_step {summary.GetProperty("resumed_from_step")}, world_size {summary.GetProperty("world_size")}");
    }

    [SkippableFact]
    public async Task Caption_AzuriteFrozenTenSeconds_PausesAndNothingIsLost()
    {
        LocalCluster.Require();
        await UpAsync("--roles", "describer,describer,trainer");
        var pids = _cluster.RecordedPids();
        var dataset = await SampleAsync(40);
        var store = "az://descriptions/outage";
        var connection = JsonDocument.Parse(File.ReadAllText(_cluster.ClientConfig)).RootElement
            .GetProperty("Store").GetProperty("AzureConnectionString").GetString()!;
        var job = $"azurite-outage-{Guid.NewGuid():N}"[..24];
        var caption = StartCaption(dataset, job, "--shard-rows", "4", "--parallel-shards", "2", "--store", store);

        long storedBeforeFreeze = 0;
        await WaitForAsync(async () => (storedBeforeFreeze = (await StatsAsync(store, connection))?.UniqueKeys ?? 0) >= 4, "a first shard stored");
        var frozenAt = Stopwatch.StartNew();
        Signal("STOP", _cluster.AzuritePid);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Signal("CONT", _cluster.AzuritePid);
        }

        Assert.False(caption.Process.HasExited, "the job finished during the outage: make it longer");
        var first = await WaitForExitAsync(caption);
        Assert.True(first.ExitCode is 0 or 2, first.ToString());
        Assert.True(frozenAt.Elapsed >= TimeSpan.FromSeconds(10));
        var counts = first.Summary;
        var (described, transient) = (counts.GetProperty("described").GetInt64(), counts.GetProperty("transient").GetInt64());
        Assert.Equal(0, counts.GetProperty("failed").GetInt64());
        Assert.Equal(40, described + transient);
        Assert.Equal(described, (await StatsAsync(store, connection))!.UniqueKeys);
        Assert.All(pids, p => Assert.True(LocalCluster.IsAlive(p.Value), $"{p.Key} died during the outage"));

        // Transient rows are not stored as done; the next run describes exactly those.
        var second = await _cli.RunAsync("caption", dataset, "--json", "--cluster", _cluster.ClientConfig, "--data-root", Root,
            "--store", store, "--shard-rows", "4");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(described, second.Summary.GetProperty("cached").GetInt64());
        Assert.Equal(transient, second.Summary.GetProperty("described").GetInt64());
        Assert.Equal(40, (await StatsAsync(store, connection))!.UniqueKeys);
        output.WriteLine($"azurite outage: first run described {described}, transient {transient}, job seconds {counts.GetProperty("seconds")}, " +
                         $"stored before the freeze {storedBeforeFreeze}; second run described {transient}");
    }

    [SkippableFact]
    public async Task Caption_OneDescriberCannotReachItsVlm_OtherDescriberDoesTheWorkAndTheSiloReportsIt()
    {
        LocalCluster.Require();
        var closedPort = LoopbackHttpServer.FreePort();
        var workingPort = LoopbackHttpServer.FreePort();
        using var vlm = LoopbackHttpServer.ChatCompletions(workingPort);
        int[] health = [LoopbackHttpServer.FreePort(), LoopbackHttpServer.FreePort()];
        await UpAsync(["--roles", "describer,describer,trainer", .. Endpoint(0, closedPort), .. Endpoint(1, workingPort),
            "--set-silo", "0", $"SiloHost:HealthPort={health[0]}", "--set-silo", "1", $"SiloHost:HealthPort={health[1]}"]);
        var dataset = await SampleAsync(24);
        var job = $"vlm-down-{Guid.NewGuid():N}"[..24];
        var caption = StartCaption(dataset, job, "--shard-rows", "4", "--parallel-shards", "2", "--describer", "vlm");
        var result = await WaitForExitAsync(caption);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(24, result.Summary.GetProperty("described").GetInt64());
        Assert.Equal(0, result.Summary.GetProperty("transient").GetInt64());
        Assert.True(vlm.Requests >= 24, $"{vlm.Requests} request(s) reached the working VLM");
        Assert.Equal(24, (await StatsAsync(Path.Combine(Root, "store")))!.UniqueKeys);

        var status = await _cli.RunAsync("status", "--json", "--cluster", _cluster.ClientConfig);
        Assert.True(status.ExitCode == 0, status.ToString());
        var nodes = status.Summary.GetProperty("cluster").GetProperty("nodes").EnumerateArray().ToList();
        var broken = nodes.Single(n => n.GetProperty("process_id").GetInt32() == _cluster.SiloPid(0));
        var healthy = nodes.Single(n => n.GetProperty("process_id").GetInt32() == _cluster.SiloPid(1));
        Assert.Equal(["vlm"], broken.GetProperty("failing_describers").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(healthy.GetProperty("failing_describers").EnumerateArray());

        // The broken silo's readiness endpoint says so too (the describer health participant); the other stays ready.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var brokenReady = await http.GetAsync(new Uri($"http://127.0.0.1:{health[0]}/healthz/ready"));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, brokenReady.StatusCode);
        Assert.Contains("describer endpoint(s) failing: vlm", await brokenReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{health[1]}/healthz/ready"))).StatusCode);
        output.WriteLine($"working VLM answered {vlm.Requests} request(s); describer_calls {result.Summary.GetProperty("describer_calls")}");
    }

    /// <summary>Silo <paramref name="silo"/> serves endpoint "vlm": an OpenAI-compatible server on 127.0.0.1:<paramref name="port"/>.</summary>
    private static string[] Endpoint(int silo, int port)
    {
        var index = silo.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            "--set-silo", index, "Describers:Endpoints:0:Name=vlm",
            "--set-silo", index, "Describers:Endpoints:0:Backend=OpenAi",
            "--set-silo", index, $"Describers:Endpoints:0:Endpoint=http://127.0.0.1:{port}/v1",
            "--set-silo", index, "Describers:Endpoints:0:Model=test-vlm",
            "--set-silo", index, "Describers:Endpoints:0:MaxRetries=1",
            "--set-silo", index, "Describers:Endpoints:0:TimeoutSeconds=5",
        ];
    }

    private async Task UpAsync(params string[] args)
    {
        var up = await _cluster.UpAsync(args);
        Assert.True(up.ExitCode == 0, up.ToString());
    }

    private async Task<string> SampleAsync(int rows) =>
        (await SampleDataset.GenerateAsync(Path.Combine(Root, "datasets", "sample"), new SampleDatasetOptions { Count = rows })).ManifestPath;

    private RunningCommand StartCaption(string dataset, string job, params string[] args) =>
        Track(_cli.Start(["caption", dataset, "--json", "--cluster", _cluster.ClientConfig, "--data-root", Root, "--job", job, .. args]));

    private RunningCommand Track(Process process)
    {
        _started.Add(process);
        return RunningCommand.Of(process);
    }

    private static async Task<DescriptionStoreStats?> StatsAsync(string location, string? connection = null)
    {
        try
        {
            using var store = DescriptionStore.Open(location, new DescriptionStoreOptions { AzureConnectionString = connection });
            return await store.StatsAsync();
        }
        catch (Exception ex) when (ex is IOException or DirectoryNotFoundException or InvalidOperationException or Azure.RequestFailedException)
        {
            return null;
        }
    }

    /// <summary>The pid of a describer silo that does not host the caption job's grain.</summary>
    private async Task<int> DescriberAwayFromTheJobAsync(string job)
    {
        var client = await _cluster.ClientAsync();
        var grain = client.GetGrain<ICaptionJobGrain>(job);
        var statistics = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var jobSilo = statistics.Single(s => s.GrainId == grain.GetGrainId()).SiloAddress.ToParsableString();
        var nodes = await _cluster.NodesAsync();
        return nodes.First(n => n.Roles.Contains("describer") && n.SiloAddress != jobSilo).ProcessId;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, Process? mustRun = null)
    {
        using var timeout = new CancellationTokenSource(JobTimeout);
        while (!await condition())
        {
            if (mustRun is { HasExited: true })
            {
                throw new InvalidOperationException($"the command exited (code {mustRun.ExitCode}) before {what}");
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private static async Task<CliResult> WaitForExitAsync(RunningCommand command)
    {
        var (process, stdout, stderr) = command;
        using var timeout = new CancellationTokenSource(JobTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the command did not finish within {JobTimeout}:\n{await stdout}\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in _started.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
        }

        await _cluster.DisposeAsync();
        _cli.Dispose();
    }
}

/// <summary>A started CLI process whose output is read from the start (a full pipe would block it).</summary>
public sealed record RunningCommand(Process Process, Task<string> Stdout, Task<string> Stderr)
{
    public static RunningCommand Of(Process process) =>
        new(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
}
