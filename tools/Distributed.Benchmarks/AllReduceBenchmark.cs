using System.Net;
using System.Security.Cryptography;
using Distributed.Learning.Collective;

namespace Distributed.Benchmarks;

/// <summary>
/// Ring all-reduce throughput over the in-process ring (memory copies and additions, no network) or over
/// <see cref="SocketRingTransport"/> on loopback TCP (all ranks in this process).
/// </summary>
public static class AllReduceBenchmark
{
    public static async Task RunAsync(int ranks, double megabytes, int repeats, string transport = "inprocess")
    {
        var socket = transport == "socket";
        Measure.Header($"ring all-reduce over {(socket ? "SocketRingTransport (loopback TCP)" : "InProcessRing")}: algorithm bandwidth (buffer bytes / time) and bus bandwidth (x 2(W-1)/W)",
            $"dotnet run -c Release --project tools/Distributed.Benchmarks -- allreduce --ranks {ranks} --mb {megabytes} --repeats {repeats} --transport {transport}");
        var length = (int)(megabytes * 1e6 / sizeof(float));
        var transports = socket ? await ConnectSocketRingAsync(ranks) : InProcessRing.Create(ranks);
        var buffers = Enumerable.Range(0, ranks).Select(rank => Enumerable.Repeat(1f / (rank + 1), length).ToArray()).ToArray();
        var reductions = transports.Select(transport => new RingAllReduce(transport)).ToArray();

        await SumAllAsync(reductions, buffers); // warm-up
        var milliseconds = await Measure.MedianMillisecondsAsync(repeats, () => SumAllAsync(reductions, buffers));

        var bytes = (double)length * sizeof(float);
        var algorithm = bytes / (milliseconds / 1e3) / 1e9;
        Console.WriteLine("ranks\tmb\tmedian_ms\talgorithm_gb_per_s\tbus_gb_per_s");
        Console.WriteLine($"{ranks}\t{bytes / 1e6:F1}\t{milliseconds:F1}\t{algorithm:F2}\t{algorithm * 2 * (ranks - 1) / ranks:F2}");
        foreach (var disposable in transports.OfType<IAsyncDisposable>())
        {
            await disposable.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<IRingTransport>> ConnectSocketRingAsync(int ranks)
    {
        var listeners = Enumerable.Range(0, ranks).Select(_ => SocketRingListener.Start(IPAddress.Loopback)).ToArray();
        var token = RandomNumberGenerator.GetBytes(32);
        var ringId = Guid.NewGuid();
        return await Task.WhenAll(listeners.Select((listener, rank) => listener.ConnectAsync(
            rank, ranks, listeners[(rank + 1) % ranks].EndPoint, ringId, token, TimeSpan.FromSeconds(30), CancellationToken.None)));
    }

    private static Task SumAllAsync(RingAllReduce[] reductions, float[][] buffers) =>
        Task.WhenAll(reductions.Select((reduction, rank) => Task.Run(() => reduction.SumAsync(buffers[rank], CancellationToken.None))));
}
