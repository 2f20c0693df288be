using TorchSharp;

namespace Distributed.Learning.Training;

/// <summary>One (micro-)batch for <see cref="TrainingStep"/>; the caller owns and disposes the tensors.</summary>
/// <param name="InputIds">Token ids [B,T] int64.</param>
/// <param name="AttentionMask">1 = token, 0 = padding [B,T].</param>
/// <param name="TokenTypeIds">Segment ids [B,T] int64.</param>
/// <param name="Labels">Class indices [B] int64.</param>
public sealed record TrainingBatch(torch.Tensor InputIds, torch.Tensor AttentionMask, torch.Tensor TokenTypeIds, torch.Tensor Labels);
