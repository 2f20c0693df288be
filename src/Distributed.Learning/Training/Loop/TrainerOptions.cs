namespace Distributed.Learning.Training;

/// <summary>How <see cref="Trainer"/> runs.</summary>
/// <param name="Epochs">Maximum epochs; default 3.</param>
/// <param name="BatchSize">Rows per optimizer step (the loss normaliser); default 32.</param>
/// <param name="Seed">Sampler seed (epoch e shuffles with seed + e); default 42.</param>
/// <param name="Patience">Dev evaluations without a weighted-F1 improvement before stopping; default 2.</param>
/// <param name="EvaluationBatchSize">Rows per forward pass when evaluating; default 64.</param>
/// <param name="CheckpointFolder">Where a checkpoint is written after every epoch; default null (none).</param>
public sealed record TrainerOptions(
    int Epochs = 3,
    int BatchSize = 32,
    int Seed = 42,
    int Patience = 2,
    int EvaluationBatchSize = 64,
    string? CheckpointFolder = null)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Patience, nameof(Patience));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EvaluationBatchSize, nameof(EvaluationBatchSize));
    }
}
