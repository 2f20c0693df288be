namespace Distributed.Abstractions.Training;

/// <summary>
/// The coordinator of one data-parallel training job (keyed by job id): places W trainer grains, forms their ring,
/// checks that every replica starts from the same weights, drives steps and evaluation, has rank 0 checkpoint, and
/// rebuilds the ring from the last checkpoint when a trainer's silo dies.
/// </summary>
[Alias("Distributed.ITrainingJobGrain")]
public interface ITrainingJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job; starting a running job with the same spec returns its status.</summary>
    [Alias("Start")]
    Task<TrainingJobStatus> StartAsync(TrainingJobSpec spec);

    [Alias("GetStatus")]
    Task<TrainingJobStatus> GetStatusAsync();

    /// <summary>Every step so far (loss curve, timings).</summary>
    [Alias("GetSteps")]
    Task<IReadOnlyList<TrainingStepRecord>> GetStepsAsync();

    [Alias("Cancel")]
    Task<TrainingJobStatus> CancelAsync();
}
