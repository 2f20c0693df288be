namespace Distributed.Learning.Training;

/// <summary>Optimizer and schedule of <see cref="TrainingStep"/>.</summary>
/// <param name="TotalSteps">Optimizer steps in the run (the schedule decays to 0 at this step).</param>
/// <param name="WarmupSteps">Linear warm-up steps; default 0.</param>
/// <param name="LearningRate">Peak (base) AdamW learning rate; default 2e-5.</param>
/// <param name="WeightDecay">AdamW decoupled weight decay; default 0.01.</param>
/// <param name="MaxGradNorm">Gradient L2-norm clip; default 1.0; 0 or less disables clipping.</param>
/// <param name="Beta1">AdamW beta1; default 0.9.</param>
/// <param name="Beta2">AdamW beta2; default 0.999.</param>
/// <param name="Epsilon">AdamW epsilon; default 1e-8.</param>
public sealed record TrainingStepOptions(
    int TotalSteps,
    int WarmupSteps = 0,
    double LearningRate = 2e-5,
    double WeightDecay = 0.01,
    double MaxGradNorm = 1.0,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8);
