namespace Distributed.Learning.Training;

/// <summary>Reported after every optimizer step.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="BatchIndex">0-based batch within the epoch.</param>
/// <param name="Step">0-based optimizer step just taken.</param>
/// <param name="Loss">Its loss parts.</param>
/// <param name="LearningRate">The learning rate it used.</param>
public sealed record TrainingProgress(int Epoch, int BatchIndex, int Step, StepLoss Loss, double LearningRate);
