namespace Distributed.Learning.Training;

/// <summary>Where an <see cref="EpochSampler"/> stands: the epoch and the index of the next batch in it.</summary>
public sealed record SamplerPosition(int Epoch, int BatchIndex);

/// <summary>
/// Shuffles row indices per epoch (Fisher–Yates with <c>new Random(seed + epoch)</c>) and cuts them into batches;
/// the last batch may be smaller and is kept. Stateless apart from <see cref="Position"/>, so it resumes mid-epoch.
/// </summary>
public sealed class EpochSampler
{
    /// <summary>Creates a sampler at epoch 0, batch 0.</summary>
    public EpochSampler(int rows, int batchSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        Rows = rows;
        BatchSize = batchSize;
        Seed = seed;
        Position = new SamplerPosition(0, 0);
    }

    /// <summary>Rows sampled.</summary>
    public int Rows { get; }

    /// <summary>Rows per batch (the last batch of an epoch may hold fewer).</summary>
    public int BatchSize { get; }

    /// <summary>Base seed; epoch e shuffles with seed + e.</summary>
    public int Seed { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => (Rows + BatchSize - 1) / BatchSize;

    /// <summary>The next batch to hand out.</summary>
    public SamplerPosition Position { get; private set; }

    /// <summary>The shuffled row order of <paramref name="epoch"/>.</summary>
    public int[] Permutation(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        var order = Enumerable.Range(0, Rows).ToArray();
#pragma warning disable CA5394 // Deterministic shuffling, not security.
        var random = new Random(unchecked(Seed + epoch));
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
#pragma warning restore CA5394

        return order;
    }

    /// <summary>Batch <paramref name="batchIndex"/> of <paramref name="epoch"/>.</summary>
    public int[] BatchAt(int epoch, int batchIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batchIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(batchIndex, BatchesPerEpoch);
        var start = batchIndex * BatchSize;
        return Permutation(epoch)[start..Math.Min(Rows, start + BatchSize)];
    }

    /// <summary>
    /// The remaining batches of the current epoch from <see cref="Position"/>; each yielded batch advances the
    /// position, and after the last one the position moves to the next epoch's batch 0.
    /// </summary>
    public IEnumerable<int[]> RemainingBatches()
    {
        var (epoch, start) = Position;
        var order = Permutation(epoch);
        for (var b = start; b < BatchesPerEpoch; b++)
        {
            var from = b * BatchSize;
            var batch = order[from..Math.Min(Rows, from + BatchSize)];
            Position = b + 1 < BatchesPerEpoch ? new SamplerPosition(epoch, b + 1) : new SamplerPosition(epoch + 1, 0);
            yield return batch;
        }
    }

    /// <summary>Moves to <paramref name="position"/> (e.g. from a checkpoint).</summary>
    public void Restore(SamplerPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentOutOfRangeException.ThrowIfNegative(position.Epoch);
        ArgumentOutOfRangeException.ThrowIfNegative(position.BatchIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position.BatchIndex, BatchesPerEpoch);
        Position = position;
    }
}
