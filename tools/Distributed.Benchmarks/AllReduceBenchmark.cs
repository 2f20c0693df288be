using Distributed.Learning.Collective;

namespace Distributed.Benchmarks;

/// <summary>Ring all-reduce throughput over the in-process ring (memory copies and additions, no network).</summary>
public static class AllReduceBenchmark
{
    public static async Task RunAsync(int ranks, double megabytes, int repeats)
    {
        Measure.Header("ring all-reduce over InProcessRing: algorithm bandwidth (buffer bytes / time) and bus bandwidth (x 2(W-1)/W)",
            $"dotnet run -c Release --project tools/Distributed.Benchmarks -- allreduce --ranks {ranks} --mb {megabytes} --repeats {repeats}");
        var length = (int)(megabytes * 1e6 / sizeof(float));
        var transports = InProcessRing.Create(ranks);
        var buffers = Enumerable.Range(0, ranks).Select(rank => Enumerable.Repeat(1f / (rank + 1), length).ToArray()).ToArray();
        var reductions = transports.Select(transport => new RingAllReduce(transport)).ToArray();

        await SumAllAsync(reductions, buffers); // warm-up
        var milliseconds = await Measure.MedianMillisecondsAsync(repeats, () => SumAllAsync(reductions, buffers));

        var bytes = (double)length * sizeof(float);
        var algorithm = bytes / (milliseconds / 1e3) / 1e9;
        Console.WriteLine("ranks\tmb\tmedian_ms\talgorithm_gb_per_s\tbus_gb_per_s");
        Console.WriteLine($"{ranks}\t{bytes / 1e6:F1}\t{milliseconds:F1}\t{algorithm:F2}\t{algorithm * 2 * (ranks - 1) / ranks:F2}");
    }

    private static Task SumAllAsync(RingAllReduce[] reductions, float[][] buffers) =>
        Task.WhenAll(reductions.Select((reduction, rank) => Task.Run(() => reduction.SumAsync(buffers[rank], CancellationToken.None))));
}
