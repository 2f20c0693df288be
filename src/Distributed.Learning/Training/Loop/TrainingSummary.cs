namespace Distributed.Learning.Training;

/// <summary>One epoch of a run.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="TrainLoss">Mean total loss over its batches.</param>
/// <param name="DevWeightedF1">Dev weighted F1 after the epoch.</param>
/// <param name="DevAccuracy">Dev accuracy after the epoch.</param>
public sealed record EpochResult(int Epoch, double TrainLoss, double DevWeightedF1, double DevAccuracy);

/// <summary>What <see cref="Trainer.Train"/> did.</summary>
/// <param name="Epochs">Per-epoch results, in order.</param>
/// <param name="BestEpoch">The epoch whose weights the model holds at the end.</param>
/// <param name="BestDevWeightedF1">Its dev weighted F1.</param>
/// <param name="StoppedEarly">True when patience ran out before the last epoch.</param>
/// <param name="Steps">Optimizer steps taken.</param>
public sealed record TrainingSummary(
    IReadOnlyList<EpochResult> Epochs, int BestEpoch, double BestDevWeightedF1, bool StoppedEarly, int Steps);
