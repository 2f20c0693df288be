namespace Distributed.Learning.Training;

/// <summary>One encoded row of fixed length, with optional image inputs for the fusion baselines.</summary>
/// <param name="InputIds">Token ids.</param>
/// <param name="AttentionMask">1 = token, 0 = padding.</param>
/// <param name="TokenTypeIds">Segment ids.</param>
/// <param name="Label">Class index (at least 0).</param>
/// <param name="ImageFeatures">Pooled image features (<see cref="ImageInputs.FeatureSize"/> floats), or null for a text-only row.</param>
/// <param name="ImageRegions">Region features, row-major [49,512] (<see cref="ImageInputs.RegionsLength"/> floats), or null.</param>
public sealed record EncodedExample(
    long[] InputIds,
    long[] AttentionMask,
    long[] TokenTypeIds,
    int Label,
    float[]? ImageFeatures = null,
    float[]? ImageRegions = null);
