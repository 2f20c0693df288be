namespace Distributed.Learning.Collective;

/// <summary>
/// A run of <paramref name="Length"/> elements of gradient <paramref name="Tensor"/> (flattened, row-major), starting at
/// <paramref name="TensorOffset"/>, stored at <paramref name="BucketOffset"/> in a bucket.
/// </summary>
public readonly record struct GradientSlice(int Tensor, long TensorOffset, int BucketOffset, int Length);
