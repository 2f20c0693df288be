using Distributed.Learning.Collective;

namespace Distributed.Training.DataParallel;

/// <summary>Where a replica sits in its ring and how it moves gradients.</summary>
/// <param name="Rank">This replica's rank, 0 ≤ rank &lt; <paramref name="WorldSize"/>.</param>
/// <param name="WorldSize">Replicas in the ring.</param>
/// <param name="MicroBatchRows">Rows per forward/backward (gradient accumulation); null = the whole slice.</param>
/// <param name="BucketBytes">Gradient bytes per all-reduce bucket; default 25 MB.</param>
public sealed record ReplicaOptions(int Rank, int WorldSize, int? MicroBatchRows = null, long BucketBytes = GradientBuckets.DefaultBucketBytes)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(WorldSize);
        ArgumentOutOfRangeException.ThrowIfNegative(Rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Rank, WorldSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(BucketBytes, sizeof(float));
        if (MicroBatchRows is { } rows)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows, nameof(MicroBatchRows));
        }
    }
}

/// <summary>What one rank did in one global step.</summary>
/// <param name="Step">The optimizer step just taken (1-based: steps taken so far).</param>
/// <param name="Epoch">Its epoch (0-based).</param>
/// <param name="Rows">Rows of this rank's slice.</param>
/// <param name="GlobalRows">Rows of the global batch.</param>
/// <param name="CrossEntropy">This rank's share of the global cross-entropy (shares sum to it).</param>
/// <param name="Uniformity">The global-batch uniformity value (before lambda), or null.</param>
/// <param name="LearningRate">Learning rate used.</param>
/// <param name="GradientNorm">Norm of the reduced global gradient before clipping.</param>
/// <param name="Seconds">Wall time of the step on this rank.</param>
/// <param name="AllReduceSeconds">Of which spent in the gradient all-reduce.</param>
public sealed record ReplicaStepResult(
    int Step, int Epoch, int Rows, int GlobalRows, double CrossEntropy, double? Uniformity, double LearningRate, double GradientNorm,
    double Seconds, double AllReduceSeconds);
