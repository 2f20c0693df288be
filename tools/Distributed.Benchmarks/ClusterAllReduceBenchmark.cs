using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Distributed.Abstractions.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Distributed.Benchmarks;

/// <summary>
/// Ring all-reduce between two silo processes on this machine, one rank per silo: silo A (this process, localhost
/// clustering primary, rank 0) and silo B (a child process of this executable, rank 1). Each rank lives in an
/// <see cref="IAllReduceRankGrain"/> on its silo; the ranks exchange socket endpoints through grain calls, then time the
/// data-plane transport (<c>socket</c>: <see cref="Learning.Collective.SocketRingTransport"/>, authenticated with a random
/// job token) and the grain-call fallback (<c>grain</c>: <see cref="Grains.Training.GrainRingTransport"/>).
/// </summary>
/// <remarks>
/// Timing: every repeat, each rank first runs a 2-float all-reduce on the same ring (a barrier: it returns only after
/// the other rank has started it), then times its own all-reduce of the buffer; the repeat's time is the slower rank's,
/// and the table reports the median over repeats after the warm-ups. algbw = buffer bytes / time (GB = 1e9 B);
/// busbw = algbw × 2(W−1)/W, which equals algbw for W = 2.
/// </remarks>
public static partial class ClusterAllReduceBenchmark
{
    private const int WorldSize = 2;

    public static async Task<int> RunAsync(double[] megabytes, int repeats, int warmups, string[] transports)
    {
        var command = "dotnet run -c Release --project tools/Distributed.Benchmarks -- allreduce-cluster " +
            $"--mb {string.Join(',', megabytes.Select(mb => mb.ToString(CultureInfo.InvariantCulture)))} --repeats {repeats} --warmup {warmups} --transport {string.Join(',', transports)}";
        Measure.Header("ring all-reduce, 2 silo processes on localhost (rank 0 on silo A = this process, rank 1 on silo B = child process); " +
            "per repeat: 2-float all-reduce barrier, then time each rank's all-reduce, take the slower rank; median over repeats; " +
            "algbw = bytes / time, busbw = algbw x 2(W-1)/W", command);
        var clusterId = $"bench-{Guid.NewGuid():N}"[..20];
        var dataRoot = Directory.CreateTempSubdirectory("distributed-bench-allreduce-").FullName;
        var siloPort = BenchmarkSilo.FreePort();
        using var host = BenchmarkSilo.Build(siloPort, primary: null, clusterId, dataRoot);
        await host.StartAsync();
        using var peer = StartPeer(siloPort, clusterId, dataRoot);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            var silos = await WaitForSilosAsync(grains, host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress, peer);
            var ranks = silos.Select(silo => grains.GetGrain<IAllReduceRankGrain>(NodeKey.For(silo, "bench/allreduce"))).ToArray();
            var processes = await Task.WhenAll(ranks.Select(rank => rank.GetProcessIdAsync()));
            Console.WriteLine($"# rank 0: silo {silos[0]} pid {processes[0]}; rank 1: silo {silos[1]} pid {processes[1]}");

            await ConnectAsync(ranks, silos);
            Console.WriteLine("transport\tmb\tmedian_ms\talgbw_gb_per_s\tbusbw_gb_per_s");
            var details = new List<string>();
            foreach (var transport in transports)
            {
                foreach (var mb in megabytes)
                {
                    var floats = (int)(mb * 1e6 / sizeof(float));
                    var perRank = await Task.WhenAll(ranks.Select(rank => rank.MeasureAsync(transport, floats, warmups, repeats)));
                    var slowest = Enumerable.Range(0, repeats).Select(i => perRank.Max(times => times[i])).ToArray();
                    var median = Measure.Median(slowest);
                    var algbw = floats * (double)sizeof(float) / (median / 1e3) / 1e9;
                    details.Add($"# {transport} {mb} MB: slower-rank ms per repeat {string.Join(' ', slowest.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))}");
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{transport}\t{mb}\t{median:F2}\t{algbw:F3}\t{algbw * 2 * (WorldSize - 1) / WorldSize:F3}"));
                }
            }

            details.ForEach(Console.WriteLine);
            await Task.WhenAll(ranks.Select(rank => rank.CloseAsync()));
            return 0;
        }
        finally
        {
            await StopPeerAsync(peer);
            await host.StopAsync(CancellationToken.None);
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    private static async Task ConnectAsync(IAllReduceRankGrain[] ranks, SiloAddress[] silos)
    {
        var socketRing = Guid.NewGuid();
        var token = RandomNumberGenerator.GetBytes(32);
        var endpoints = await Task.WhenAll(ranks.Select(rank => rank.OpenSocketAsync()));
        await Task.WhenAll(ranks.Select((rank, r) => rank.ConnectSocketAsync(r, WorldSize, endpoints[(r + 1) % WorldSize], socketRing, token)));

        var grainRing = Guid.NewGuid();
        await Task.WhenAll(ranks.Select((rank, r) => rank.OpenGrainRingAsync(r, WorldSize, NodeKey.For(silos[(r + 1) % WorldSize]), grainRing)));
    }

    /// <summary>Starts this executable as silo B; its stdin is a pipe from this process (see <see cref="RunPeerAsync"/>).</summary>
    private static Process StartPeer(int primaryPort, string clusterId, string dataRoot)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ClusterAllReduceBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { "allreduce-cluster-peer", "--primary-port", primaryPort.ToString(CultureInfo.InvariantCulture), "--cluster-id", clusterId, "--data-root", Path.Combine(dataRoot, "peer") })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the peer silo process.");
    }

    /// <summary>Waits until both silos are active and silo B accepts grains; returns [A, B].</summary>
    private static async Task<SiloAddress[]> WaitForSilosAsync(IGrainFactory grains, SiloAddress local, Process peer)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (peer.HasExited)
            {
                throw new InvalidOperationException($"The peer silo process exited with code {peer.ExitCode}.");
            }

            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            var other = hosts.Keys.FirstOrDefault(silo => !silo.Equals(local));
            if (other is not null)
            {
                try
                {
                    await grains.GetGrain<IAllReduceRankGrain>(NodeKey.For(other, "bench/allreduce")).GetProcessIdAsync();
                    return [local, other];
                }
                catch (OrleansException) when (clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    // Silo B is in the membership table but not yet in silo A's view of compatible silos.
                }
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("Silo B did not join the cluster within 60 s.");
            }

            await Task.Delay(200);
        }
    }

    private static async Task StopPeerAsync(Process peer)
    {
        if (!peer.HasExited)
        {
            peer.StandardInput.Close();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await peer.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            peer.Kill(entireProcessTree: true);
        }
    }
}
