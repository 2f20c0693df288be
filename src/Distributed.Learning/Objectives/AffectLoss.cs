using TorchSharp;

namespace Distributed.Learning.Objectives;

/// <summary>The objective's total and its parts (scalars).</summary>
/// <param name="Total">CrossEntropy + lambda * Uniformity; the same tensor as CrossEntropy when lambda = 0.</param>
/// <param name="CrossEntropy">Summed cross-entropy of the rows divided by the normaliser.</param>
/// <param name="Uniformity">The uniformity term before lambda; null when lambda = 0 (not computed).</param>
public sealed record AffectLoss(torch.Tensor Total, torch.Tensor CrossEntropy, torch.Tensor? Uniformity);
