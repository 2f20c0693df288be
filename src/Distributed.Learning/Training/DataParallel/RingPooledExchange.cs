using Distributed.Learning.Collective;
using static TorchSharp.torch;

namespace Distributed.Learning.Training.DataParallel;

/// <summary>
/// The <see cref="IPooledExchange"/> of one rank of a real ring (sockets between processes, or any
/// <see cref="IRingTransport"/>): an exact all-gather over <see cref="RingCollectives.AllGatherAsync"/>, run on the
/// same ring as the gradient all-reduce (the step's order — gather during the forward, all-reduce after the backward —
/// is the same on every rank). The step calls it synchronously, so it blocks the training thread until the
/// gather completes; the transport's I/O completes on the thread pool.
/// </summary>
public sealed class RingPooledExchange(RingAllReduce ring, CancellationToken cancellationToken = default) : IPooledExchange
{
    /// <inheritdoc />
    public Tensor AllGather(Tensor? local)
    {
        if (local is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(local.dim(), 2L, nameof(local));
        }

        // Each rank's block is [rows, width] flattened after one float holding the width, so ranks need not agree in advance.
        float[] block = local is null
            ? []
            : [(float)local.shape[1], .. local.detach().to(float32).cpu().contiguous().data<float>().ToArray()];
        var (all, lengths) = ring.AllGatherAsync(block, cancellationToken).GetAwaiter().GetResult();
        var width = 0;
        var rows = new List<float>(all.Length);
        for (int r = 0, offset = 0; r < lengths.Length; offset += lengths[r], r++)
        {
            if (lengths[r] == 0)
            {
                continue;
            }

            var rankWidth = (int)all[offset];
            if (width != 0 && rankWidth != width)
            {
                throw new InvalidOperationException($"Ranks posted pooled rows of different widths ({width} and {rankWidth}, rank {r}).");
            }

            width = rankWidth;
            rows.AddRange(all.AsSpan(offset + 1, lengths[r] - 1));
        }

        return tensor(rows.ToArray(), [width == 0 ? 0 : rows.Count / width, width]);
    }
}
