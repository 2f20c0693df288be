namespace Distributed.Learning.Collective;

/// <summary>
/// Broadcast and all-gather built on <see cref="RingAllReduce"/>: a rank that must contribute nothing contributes
/// zeros, and adding zeros is exact in IEEE arithmetic (<c>x + 0 = x</c> for every x; only a negative zero comes back
/// positive), so the results are the senders' bits. Each costs one all-reduce of the result's size — twice what a
/// dedicated ring broadcast or all-gather would move, which is nothing next to the gradients for the buffers these
/// carry (initial weights once per run, pooled features once per step). Every rank must make the same calls in the
/// same order as its other collective calls.
/// </summary>
public static class RingCollectives
{
    /// <summary>Replaces <paramref name="data"/> on every rank with <paramref name="root"/>'s values.</summary>
    public static Task BroadcastAsync(this RingAllReduce ring, Memory<float> data, int root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(root, ring.Transport.WorldSize);
        if (ring.Transport.Rank != root)
        {
            data.Span.Clear();
        }

        return ring.SumAsync(data, cancellationToken);
    }

    /// <summary>
    /// Every rank's <paramref name="local"/> block (any length, 0 included) concatenated in rank order; also returns
    /// the block lengths. Two all-reduces: the lengths (a float per rank, exact below 2^24), then the blocks.
    /// </summary>
    public static async Task<(float[] All, int[] Lengths)> AllGatherAsync(
        this RingAllReduce ring, ReadOnlyMemory<float> local, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ring);
        const int MaxExactLength = 1 << 24;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(local.Length, MaxExactLength, nameof(local));
        var (rank, worldSize) = (ring.Transport.Rank, ring.Transport.WorldSize);
        var lengths = new float[worldSize];
        lengths[rank] = local.Length;
        await ring.SumAsync(lengths, cancellationToken).ConfigureAwait(false);
        var counts = lengths.Select(length => (int)length).ToArray();
        var all = new float[counts.Sum()];
        local.Span.CopyTo(all.AsSpan(counts.Take(rank).Sum()));
        await ring.SumAsync(all, cancellationToken).ConfigureAwait(false);
        return (all, counts);
    }
}
