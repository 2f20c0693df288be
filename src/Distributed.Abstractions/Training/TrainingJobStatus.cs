namespace Distributed.Abstractions.Training;

/// <summary>Where a training job is.</summary>
public enum TrainingJobState { NotStarted, Starting, Running, Recovering, Completed, Cancelled, Failed }

/// <summary>One global step as the coordinator saw it.</summary>
/// <param name="Step">Steps taken (1-based).</param>
/// <param name="Epoch">Epoch (0-based).</param>
/// <param name="Loss">Global-batch loss (cross-entropy + lambda × uniformity).</param>
/// <param name="CrossEntropy">Global-batch cross-entropy.</param>
/// <param name="Uniformity">Global-batch uniformity (before lambda), or null.</param>
/// <param name="LearningRate">Learning rate used.</param>
/// <param name="GlobalRows">Rows of the global batch.</param>
/// <param name="WorldSize">Trainers in the step.</param>
/// <param name="Seconds">Slowest trainer's wall time of the step.</param>
/// <param name="AllReduceSeconds">Slowest trainer's time in the gradient all-reduce.</param>
/// <param name="RankSamplesPerSecond">Each rank's rows per second in this step.</param>
[GenerateSerializer, Immutable, Alias("Distributed.TrainingStepRecord")]
public sealed record TrainingStepRecord(
    [property: Id(0)] int Step,
    [property: Id(1)] int Epoch,
    [property: Id(2)] double Loss,
    [property: Id(3)] double CrossEntropy,
    [property: Id(4)] double? Uniformity,
    [property: Id(5)] double LearningRate,
    [property: Id(6)] int GlobalRows,
    [property: Id(7)] int WorldSize,
    [property: Id(8)] double Seconds,
    [property: Id(9)] double AllReduceSeconds,
    [property: Id(10)] IReadOnlyList<double> RankSamplesPerSecond);

/// <summary>Scores of one split.</summary>
[GenerateSerializer, Immutable, Alias("Distributed.TrainingScores")]
public sealed record TrainingScores(
    [property: Id(0)] int Count,
    [property: Id(1)] double Accuracy,
    [property: Id(2)] double WeightedF1,
    [property: Id(3)] double MacroF1);

/// <summary>A training job's state, progress and results, as any client sees it.</summary>
[GenerateSerializer, Immutable, Alias("Distributed.TrainingJobStatus")]
public sealed record TrainingJobStatus(
    [property: Id(0)] string JobId,
    [property: Id(1)] TrainingJobState State,
    [property: Id(2)] int Step,
    [property: Id(3)] int TotalSteps,
    [property: Id(4)] int WorldSize,
    [property: Id(5)] IReadOnlyList<string> TrainerSilos,
    [property: Id(6)] int Restarts,
    [property: Id(7)] int? ResumedFromStep,
    [property: Id(8)] int? LastCheckpointStep,
    [property: Id(9)] TrainingStepRecord? LastStep,
    [property: Id(10)] double AllReduceSeconds,
    [property: Id(11)] double StepSeconds,
    [property: Id(12)] IReadOnlyList<double> DevWeightedF1ByEpoch,
    [property: Id(13)] int? BestEpoch,
    [property: Id(14)] TrainingScores? Dev,
    [property: Id(15)] TrainingScores? Test,
    [property: Id(16)] IReadOnlyList<string> Events,
    [property: Id(17)] string? Error,
    [property: Id(18)] string? CoordinatorSilo)
{
    public bool IsFinished => State is TrainingJobState.Completed or TrainingJobState.Cancelled or TrainingJobState.Failed;
}
