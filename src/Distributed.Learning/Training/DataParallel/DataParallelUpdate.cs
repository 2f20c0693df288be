namespace Distributed.Learning.Training.DataParallel;

/// <summary>What one rank reports after a <see cref="DataParallelStep"/>.</summary>
/// <param name="Loss">This rank's share of the loss.</param>
/// <param name="Update">The optimizer update (the same on every rank: the gradient norm is the reduced one).</param>
public sealed record DataParallelUpdate(RankLoss Loss, OptimizerUpdate Update);

/// <summary>
/// A rank's loss share of one global batch. <see cref="CrossEntropy"/> is normalised by the global batch size, so
/// the global cross-entropy is the SUM over ranks; <see cref="Uniformity"/> is the value for the whole global batch,
/// replicated on every rank that has rows (report it once; null with lambda = 0 or an empty slice).
/// </summary>
/// <param name="CrossEntropy">Sum of this rank's micro-batch cross-entropies (each over the global normaliser).</param>
/// <param name="Uniformity">The global-batch uniformity value, or null.</param>
/// <param name="Rows">Rows this rank trained on.</param>
public sealed record RankLoss(double CrossEntropy, double? Uniformity, int Rows);
