using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Collective;

public sealed partial class GradientBuckets
{
    /// <summary>
    /// Replaces every trainable parameter's gradient with the sum of that gradient over all ranks of
    /// <paramref name="allReduce"/>'s ring, one bucket of at most <paramref name="bucketBytes"/> bytes at a time. Every
    /// rank must pass the same parameters (same order and shapes, as <c>module.parameters()</c> gives) and bucket size.
    /// </summary>
    /// <remarks>
    /// Parameters with <c>requires_grad</c> false are skipped (their gradient stays as it is). A trainable parameter
    /// without a gradient on this rank (for example, unused in this rank's forward pass) contributes zeros and is given a
    /// gradient holding the sum, so afterwards every rank has a gradient for every trainable parameter, with identical bits.
    /// Must not run inside a <c>no_grad</c> block (a missing gradient is created through autograd).
    /// </remarks>
    public static async Task AllReduceGradientsAsync(
        IReadOnlyList<Parameter> parameters, RingAllReduce allReduce, long bucketBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(allReduce);
        var trainable = parameters.Where(parameter => parameter.requires_grad).ToArray();
        EnsureGradients(trainable);
        if (allReduce.Transport.WorldSize == 1)
        {
            return; // the sum over one rank is its own gradient: nothing to pack or move
        }

        var buckets = new GradientBuckets([.. trainable.Select(parameter => parameter.numel())], bucketBytes);
        for (var bucket = 0; bucket < buckets.Buckets.Count; bucket++)
        {
            float[] values;
            using (var scope = NewDisposeScope())
            {
                values = buckets.Pack(Gradients(trainable), bucket);
            }

            await allReduce.SumAsync(values, cancellationToken).ConfigureAwait(false);

            using (var scope = NewDisposeScope())
            {
                buckets.Unpack(values, bucket, Gradients(trainable));
            }
        }
    }

    private static Tensor[] Gradients(Parameter[] parameters) =>
        [.. parameters.Select(parameter => parameter.grad ?? throw new InvalidOperationException("A trainable parameter lost its gradient."))];

    /// <summary>Gives each parameter without a gradient a zero gradient (autograd of <c>0 * sum(p)</c>).</summary>
    private static void EnsureGradients(Parameter[] parameters)
    {
        foreach (var parameter in parameters)
        {
            using var scope = NewDisposeScope();
            if (parameter.grad is null)
            {
                using var enabled = enable_grad();
                parameter.sum().mul(0).backward();
            }
        }
    }
}
