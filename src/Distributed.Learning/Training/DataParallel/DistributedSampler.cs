namespace Distributed.Learning.Training.DataParallel;

/// <summary>
/// The data-parallel sampler of one rank. Each epoch uses <see cref="EpochSampler"/>'s seeded permutation cut into
/// global batches of <see cref="GlobalBatchSize"/> rows (so with W = 1 the batches equal a single-process
/// <see cref="EpochSampler"/>'s); the last global batch of an epoch may be smaller and is kept. Each global batch is
/// split by <see cref="RankSlice.Of"/>: rank r takes a contiguous slice, sizes differ by at most one, the first
/// G mod W ranks take the extra row. When a global batch has fewer rows than ranks, some ranks get an empty slice;
/// such a rank contributes a zero gradient and still takes part in every collective of the step (see
/// <see cref="DataParallelStep"/>). Every rank computes the same schedule from (rows, G, W, seed) without talking to
/// the others. Stateless apart from <see cref="Position"/>, so it resumes mid-epoch.
/// </summary>
public sealed class DistributedSampler
{
    private readonly EpochSampler _epochs;

    /// <summary>Creates the sampler of <paramref name="rank"/> of <paramref name="worldSize"/> at epoch 0, batch 0.</summary>
    public DistributedSampler(int rows, int globalBatchSize, int worldSize, int rank, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(worldSize);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, worldSize);
        _epochs = new EpochSampler(rows, globalBatchSize, seed);
        WorldSize = worldSize;
        Rank = rank;
        Position = new SamplerPosition(0, 0);
    }

    /// <summary>Rows sampled.</summary>
    public int Rows => _epochs.Rows;

    /// <summary>Rows per global batch G (the last batch of an epoch may hold fewer).</summary>
    public int GlobalBatchSize => _epochs.BatchSize;

    /// <summary>Number of ranks W.</summary>
    public int WorldSize { get; }

    /// <summary>This rank, 0 ≤ rank &lt; W.</summary>
    public int Rank { get; }

    /// <summary>Base seed; epoch e shuffles with seed + e (as <see cref="EpochSampler"/>).</summary>
    public int Seed => _epochs.Seed;

    /// <summary>Global batches (optimizer steps) per epoch.</summary>
    public int BatchesPerEpoch => _epochs.BatchesPerEpoch;

    /// <summary>The next global batch to take part in.</summary>
    public SamplerPosition Position { get; private set; }

    /// <summary>The whole global batch <paramref name="batchIndex"/> of <paramref name="epoch"/>, in order.</summary>
    public int[] GlobalBatchAt(int epoch, int batchIndex) => _epochs.BatchAt(epoch, batchIndex);

    /// <summary>This rank's slice of global batch <paramref name="batchIndex"/> of <paramref name="epoch"/>.</summary>
    public RankBatch RankBatchAt(int epoch, int batchIndex) => Slice(epoch, batchIndex, GlobalBatchAt(epoch, batchIndex));

    /// <summary>
    /// This rank's slices of the remaining global batches of the current epoch from <see cref="Position"/>; each yielded
    /// slice advances the position, and after the last one the position moves to the next epoch's batch 0.
    /// </summary>
    public IEnumerable<RankBatch> RemainingBatches()
    {
        var (epoch, start) = Position;
        var order = _epochs.Permutation(epoch);
        for (var b = start; b < BatchesPerEpoch; b++)
        {
            var from = b * GlobalBatchSize;
            var global = order[from..Math.Min(Rows, from + GlobalBatchSize)];
            Position = b + 1 < BatchesPerEpoch ? new SamplerPosition(epoch, b + 1) : new SamplerPosition(epoch + 1, 0);
            yield return Slice(epoch, b, global);
        }
    }

    /// <summary>Moves to <paramref name="position"/> (e.g. from a checkpoint; the same on every rank).</summary>
    public void Restore(SamplerPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentOutOfRangeException.ThrowIfNegative(position.Epoch);
        ArgumentOutOfRangeException.ThrowIfNegative(position.BatchIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position.BatchIndex, BatchesPerEpoch);
        Position = position;
    }

    private RankBatch Slice(int epoch, int batchIndex, int[] global)
    {
        var slice = RankSlice.Of(global.Length, WorldSize, Rank);
        return new RankBatch(epoch, batchIndex, global.Length, slice.Offset, global[slice.Offset..(slice.Offset + slice.Count)]);
    }
}
