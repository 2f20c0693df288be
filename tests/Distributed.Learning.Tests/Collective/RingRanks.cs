using Distributed.Learning.Collective;

namespace Distributed.Learning.Tests.Collective;

/// <summary>Runs one all-reduce per rank concurrently over an in-process ring, with seeded random inputs.</summary>
internal static class RingRanks
{
    /// <summary>Per-rank buffers of uniform values in [-1, 1), seeded by (seed, rank).</summary>
    public static float[][] RandomInputs(int worldSize, int length, int seed)
    {
#pragma warning disable CA5394 // Seeded test data, not security.
        return [.. Enumerable.Range(0, worldSize).Select(rank =>
        {
            var random = new Random((seed * 31) + rank);
            return Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        })];
#pragma warning restore CA5394
    }

    /// <summary>Sums copies of <paramref name="inputs"/> (one per rank) and returns each rank's result.</summary>
    public static async Task<float[][]> SumAsync(float[][] inputs, CancellationToken cancellationToken = default)
    {
        var transports = InProcessRing.Create(inputs.Length);
        var buffers = inputs.Select(input => (float[])input.Clone()).ToArray();
        await Task.WhenAll(transports.Select((transport, rank) =>
            Task.Run(() => new RingAllReduce(transport).SumAsync(buffers[rank], cancellationToken), cancellationToken)))
            .WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return buffers;
    }

    /// <summary>The bits of each value, for exact comparison (NaN-safe, distinguishes -0 from +0).</summary>
    public static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
