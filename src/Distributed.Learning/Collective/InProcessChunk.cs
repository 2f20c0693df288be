namespace Distributed.Learning.Collective;

/// <summary>A chunk in flight on an <see cref="InProcessRing"/>: the first <paramref name="Length"/> of a pooled array.</summary>
internal readonly record struct InProcessChunk(float[] Values, int Length);
