namespace Distributed.Learning.Training.DataParallel;

/// <summary>
/// One rank's share of one global batch: the row indices of its contiguous slice
/// [<see cref="Offset"/>, <see cref="Offset"/> + <see cref="Rows"/>.Length) of the global batch.
/// </summary>
/// <param name="Epoch">The epoch of the global batch.</param>
/// <param name="BatchIndex">The index of the global batch in its epoch.</param>
/// <param name="GlobalSize">Rows in the whole global batch (the loss normaliser; the last batch of an epoch may be smaller than G).</param>
/// <param name="Offset">Where this rank's slice starts in the global batch.</param>
/// <param name="Rows">Dataset row indices of this rank's slice, in global-batch order; may be empty.</param>
public sealed record RankBatch(int Epoch, int BatchIndex, int GlobalSize, int Offset, int[] Rows)
{
    /// <summary>
    /// Cuts <see cref="Rows"/> into contiguous micro-batches of at most <paramref name="maxRows"/> rows (all full but
    /// the last); null means one micro-batch with every row. An empty slice gives no micro-batches.
    /// </summary>
    public IReadOnlyList<int[]> MicroBatches(int? maxRows = null)
    {
        if (maxRows is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(maxRows));
        }

        var size = maxRows ?? Math.Max(1, Rows.Length);
        var batches = new List<int[]>();
        for (var from = 0; from < Rows.Length; from += size)
        {
            batches.Add(Rows[from..Math.Min(Rows.Length, from + size)]);
        }

        return batches;
    }
}
