namespace Distributed.Learning.Collective;

/// <summary>
/// Packs a fixed list of float32 gradients into flat buckets of at most <see cref="BucketBytes"/> bytes, so they can be
/// all-reduced a bucket at a time. The layout depends only on the tensors' element counts (in the fixed
/// <c>parameters()</c> order) and the bucket size, so every rank computes the same one.
/// </summary>
/// <remarks>
/// Tensors are laid end to end as one stream and cut every <c>BucketBytes / 4</c> elements: every bucket but the last is
/// full, a tensor may straddle two buckets, and a tensor larger than a bucket is split across several. (Splitting keeps
/// memory per bucket bounded and never leaves a bucket half empty; the ring sum is element-wise, so where a cut falls
/// does not change any result.)
/// </remarks>
public sealed partial class GradientBuckets
{
    /// <summary>The default bucket size, 25 MiB (as in PyTorch's DistributedDataParallel).</summary>
    public const long DefaultBucketBytes = 25L * 1024 * 1024;

    /// <summary>Lays out tensors of the given element counts into buckets of at most <paramref name="bucketBytes"/> bytes.</summary>
    public GradientBuckets(IReadOnlyList<long> elementCounts, long bucketBytes = DefaultBucketBytes)
    {
        ArgumentNullException.ThrowIfNull(elementCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketBytes, sizeof(float));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucketBytes / sizeof(float), Array.MaxLength, nameof(bucketBytes));
        BucketBytes = bucketBytes;
        ElementCounts = [.. elementCounts];
        Buckets = Layout(ElementCounts, (int)(bucketBytes / sizeof(float)));
    }

    /// <summary>The largest bucket in bytes (the last bucket may be smaller).</summary>
    public long BucketBytes { get; }

    /// <summary>The element count of each tensor, in order.</summary>
    public IReadOnlyList<long> ElementCounts { get; }

    /// <summary>The buckets in order; empty when there are no elements.</summary>
    public IReadOnlyList<GradientBucket> Buckets { get; }

    private static List<GradientBucket> Layout(IReadOnlyList<long> elementCounts, int capacity)
    {
        var buckets = new List<GradientBucket>();
        var slices = new List<GradientSlice>();
        var filled = 0;
        for (var tensor = 0; tensor < elementCounts.Count; tensor++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(elementCounts[tensor], nameof(elementCounts));
            for (long offset = 0; offset < elementCounts[tensor];)
            {
                var length = (int)Math.Min(capacity - filled, elementCounts[tensor] - offset);
                slices.Add(new GradientSlice(tensor, offset, filled, length));
                filled += length;
                offset += length;
                if (filled == capacity)
                {
                    buckets.Add(new GradientBucket(filled, [.. slices]));
                    slices.Clear();
                    filled = 0;
                }
            }
        }

        if (filled > 0)
        {
            buckets.Add(new GradientBucket(filled, [.. slices]));
        }

        return buckets;
    }
}
