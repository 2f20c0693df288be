namespace Distributed.Learning.Training;

/// <summary>One encoded row of fixed length.</summary>
/// <param name="InputIds">Token ids.</param>
/// <param name="AttentionMask">1 = token, 0 = padding.</param>
/// <param name="TokenTypeIds">Segment ids.</param>
/// <param name="Label">Class index (at least 0).</param>
public sealed record EncodedExample(long[] InputIds, long[] AttentionMask, long[] TokenTypeIds, int Label);
