namespace Distributed.Training.Experiments;

/// <summary>Reported after every optimizer step of every run (synchronously, on the training thread).</summary>
/// <param name="Variant">The variant's key.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="Step">Optimizer steps done in this run (1-based).</param>
/// <param name="TotalSteps">Optimizer steps the run takes if it does not stop early.</param>
/// <param name="Run">0-based index of this run among <paramref name="Runs"/> (variants × seeds).</param>
/// <param name="Runs">Runs in the experiment.</param>
/// <param name="Loss">Total loss of the step.</param>
public sealed record ExperimentProgress(
    string Variant, int Seed, int Epoch, int Step, int TotalSteps, int Run, int Runs, double Loss);
