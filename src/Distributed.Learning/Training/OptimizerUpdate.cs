namespace Distributed.Learning.Training;

/// <summary>What one optimizer step did.</summary>
/// <param name="Step">The 0-based index of the step just taken.</param>
/// <param name="LearningRate">The learning rate it used.</param>
/// <param name="GradientNorm">The total gradient L2 norm before clipping (also reported when clipping is off).</param>
public sealed record OptimizerUpdate(int Step, double LearningRate, double GradientNorm);
