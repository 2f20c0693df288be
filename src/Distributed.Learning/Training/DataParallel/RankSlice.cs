namespace Distributed.Learning.Training.DataParallel;

/// <summary>
/// A rank's contiguous part [<see cref="Offset"/>, <see cref="Offset"/> + <see cref="Count"/>) of a global batch.
/// </summary>
/// <param name="Offset">First position in the global batch.</param>
/// <param name="Count">Rows; 0 when the global batch has fewer rows than there are ranks.</param>
public readonly record struct RankSlice(int Offset, int Count)
{
    /// <summary>
    /// The slice of rank <paramref name="rank"/> of <paramref name="worldSize"/> in a global batch of
    /// <paramref name="globalSize"/> rows: the first <c>globalSize mod worldSize</c> ranks take
    /// <c>globalSize / worldSize + 1</c> rows, the others <c>globalSize / worldSize</c>, in rank order, so the slices
    /// are disjoint, cover the batch in order and differ in size by at most one (G = 16, W = 3: 6, 5, 5).
    /// Every rank computes every slice locally; nothing is exchanged.
    /// </summary>
    public static RankSlice Of(int globalSize, int worldSize, int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(globalSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(worldSize);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, worldSize);
        var quotient = globalSize / worldSize;
        var remainder = globalSize % worldSize;
        var offset = rank * quotient + Math.Min(rank, remainder);
        return new RankSlice(offset, quotient + (rank < remainder ? 1 : 0));
    }
}
