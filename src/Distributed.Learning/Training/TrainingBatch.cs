using TorchSharp;

namespace Distributed.Learning.Training;

/// <summary>
/// One (micro-)batch for <see cref="TrainingStep"/>; the caller owns and disposes the tensors. The image tensors are
/// null when no row of the batch has that input; a row without one holds zeros and 0 in the matching presence mask.
/// A null presence mask next to a non-null image tensor means every row has the image input.
/// </summary>
/// <param name="InputIds">Token ids [B,T] int64.</param>
/// <param name="AttentionMask">1 = token, 0 = padding [B,T].</param>
/// <param name="TokenTypeIds">Segment ids [B,T] int64.</param>
/// <param name="Labels">Class indices [B] int64.</param>
/// <param name="ImageFeatures">Pooled image features [B,512] float32, or null.</param>
/// <param name="ImageRegions">Image region features [B,49,512] float32, or null.</param>
/// <param name="HasImageFeatures">1 where the row has <paramref name="ImageFeatures"/>, 0 where they are zero fill [B] float32.</param>
/// <param name="HasImageRegions">1 where the row has <paramref name="ImageRegions"/>, 0 where they are zero fill [B] float32.</param>
public sealed record TrainingBatch(
    torch.Tensor InputIds,
    torch.Tensor AttentionMask,
    torch.Tensor TokenTypeIds,
    torch.Tensor Labels,
    torch.Tensor? ImageFeatures = null,
    torch.Tensor? ImageRegions = null,
    torch.Tensor? HasImageFeatures = null,
    torch.Tensor? HasImageRegions = null);
