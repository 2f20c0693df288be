namespace Distributed.Learning.Training;

/// <summary>The loss parts of one accumulated (micro-)batch, as numbers.</summary>
/// <param name="Total">Cross-entropy + lambda * uniformity.</param>
/// <param name="CrossEntropy">Summed cross-entropy divided by the normaliser.</param>
/// <param name="Uniformity">Uniformity before lambda; null when lambda = 0.</param>
public sealed record StepLoss(double Total, double CrossEntropy, double? Uniformity);
