namespace Distributed.Learning.Collective;

/// <summary>One flat float32 buffer of <paramref name="Length"/> elements, made of <paramref name="Slices"/> in order.</summary>
public sealed record GradientBucket(int Length, IReadOnlyList<GradientSlice> Slices);
