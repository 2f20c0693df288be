using System.Diagnostics;
using Distributed.Learning.Collective;

namespace Distributed.Benchmarks;

/// <summary>Times one rank's all-reduces (plain code, run on the thread pool by <see cref="AllReduceRankGrain"/>).</summary>
public static class AllReduceTiming
{
    /// <summary>
    /// Runs <paramref name="warmups"/> + <paramref name="repeats"/> all-reduces of a refilled buffer, each preceded by a
    /// 2-float all-reduce on the same ring as a barrier (untimed), and returns the timed ones' milliseconds.
    /// </summary>
    public static async Task<double[]> MeasureAsync(RingAllReduce reduction, int floats, int warmups, int repeats)
    {
        ArgumentNullException.ThrowIfNull(reduction);
        var value = 1f / (reduction.Transport.Rank + 1);
        var buffer = new float[floats];
        var barrier = new float[2];
        var times = new List<double>();
        for (var i = 0; i < warmups + repeats; i++)
        {
            Array.Fill(buffer, value);
            await reduction.SumAsync(barrier, CancellationToken.None).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            await reduction.SumAsync(buffer, CancellationToken.None).ConfigureAwait(false);
            if (i >= warmups)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return [.. times];
    }
}
