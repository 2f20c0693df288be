using static TorchSharp.torch;

namespace Distributed.Learning.Collective;

public sealed partial class GradientBuckets
{
    /// <summary>
    /// Copies bucket <paramref name="bucket"/>'s slices of <paramref name="gradients"/> (float32, one per element count,
    /// in order) into a new flat array. Creates and disposes its own temporaries.
    /// </summary>
    public float[] Pack(IReadOnlyList<Tensor> gradients, int bucket)
    {
        var layout = Bucket(gradients, bucket);
        using var scope = NewDisposeScope();
        var pieces = layout.Slices.Select(slice =>
            Gradient(gradients, slice.Tensor).reshape(-1).narrow(0, slice.TensorOffset, slice.Length)).ToArray();
        return cat(pieces, 0).cpu().data<float>().ToArray();
    }

    /// <summary>
    /// Writes a bucket's values (as made by <see cref="Pack"/>, then summed) back into <paramref name="gradients"/> in
    /// place. Gradients must be contiguous (autograd's are).
    /// </summary>
    public void Unpack(float[] values, int bucket, IReadOnlyList<Tensor> gradients)
    {
        ArgumentNullException.ThrowIfNull(values);
        var layout = Bucket(gradients, bucket);
        if (values.Length != layout.Length)
        {
            throw new ArgumentException($"Bucket {bucket} holds {layout.Length} elements, not {values.Length}.", nameof(values));
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var source = tensor(values);
        foreach (var slice in layout.Slices)
        {
            var target = Gradient(gradients, slice.Tensor);
            if (!target.is_contiguous())
            {
                throw new InvalidOperationException($"Gradient {slice.Tensor} is not contiguous; it cannot be written back in place.");
            }

            target.view(-1).narrow(0, slice.TensorOffset, slice.Length).copy_(source.narrow(0, slice.BucketOffset, slice.Length));
        }
    }

    private GradientBucket Bucket(IReadOnlyList<Tensor> gradients, int bucket)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        if (gradients.Count != ElementCounts.Count)
        {
            throw new ArgumentException($"Expected {ElementCounts.Count} gradients, got {gradients.Count}.", nameof(gradients));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, Buckets.Count);
        return Buckets[bucket];
    }

    private Tensor Gradient(IReadOnlyList<Tensor> gradients, int index)
    {
        var gradient = gradients[index];
        if (gradient.dtype != ScalarType.Float32 || gradient.numel() != ElementCounts[index])
        {
            throw new ArgumentException(
                $"Gradient {index} must be float32 with {ElementCounts[index]} elements, not {gradient.dtype} with {gradient.numel()}.",
                nameof(gradients));
        }

        return gradient;
    }
}
