namespace Distributed.Learning.Training;

/// <summary>The loop's own state in a checkpoint (<c>trainer.json</c>).</summary>
/// <param name="Step">Optimizer steps taken.</param>
/// <param name="Epoch">Epoch of the next batch.</param>
/// <param name="BatchIndex">Index of the next batch within <paramref name="Epoch"/>.</param>
/// <param name="ScheduleStep">The learning-rate schedule's step.</param>
/// <param name="Seed">The sampler seed.</param>
/// <param name="BestDevWeightedF1">Best dev weighted F1 so far (-1 before any evaluation).</param>
public sealed record TrainerState(int Step, int Epoch, int BatchIndex, int ScheduleStep, int Seed, double BestDevWeightedF1)
{
    /// <summary>The sampler position this state resumes at.</summary>
    public SamplerPosition Position => new(Epoch, BatchIndex);
}
