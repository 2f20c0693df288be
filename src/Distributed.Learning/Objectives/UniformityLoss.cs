using static TorchSharp.torch;

namespace Distributed.Learning.Objectives;

/// <summary>
/// Batch-level uniformity (Wang &amp; Isola 2020) on L2-normalised features:
/// U = log mean_{i&lt;j} exp(-t * ||z_i - z_j||^2), t = 2 by default. Lower is more uniform.
/// </summary>
/// <remarks>
/// <para>
/// Data-parallel form. Each rank passes its own rows as <c>localZ</c> (with gradient) and the all-gathered rows
/// of the other ranks as <c>otherZ</c> (detached). The pairs are taken over the union, so every rank computes the
/// value of U for the whole global batch of N rows, with the global pair count N(N-1)/2 as normaliser.
/// </para>
/// <para>
/// Scaling: write U = log S - log P with S = sum over all global pairs of e_ij = exp(-t d_ij). For a row k,
/// dU/dz_k = (1/S) dS/dz_k, and dS/dz_k involves only the pairs that contain k. A rank's graph contains every pair
/// that touches its local rows (local-local and local-other) and S is the full global sum, so the rank's dU/dz_k
/// for its own rows equals the full-batch dU/dz_k exactly; the detached rows get none. The row sets of the ranks
/// are disjoint, hence each rank's term is weighted by 1 and SUMMING the parameter gradients over ranks (all-reduce
/// sum, no division by the world size) gives one process's gradient on the whole batch. This matches
/// <see cref="AffectObjective"/>, whose cross-entropy slices are normalised by the global batch size.
/// The value itself is replicated on every rank (report it once, do not sum it over ranks).
/// </para>
/// </remarks>
public static class UniformityLoss
{
    /// <summary>Default temperature t.</summary>
    public const double DefaultT = 2.0;

    /// <summary>
    /// Computes U over the rows of <paramref name="localZ"/> [n,H] and, when given, the other ranks' rows
    /// <paramref name="otherZ"/> [m,H] (detached here in any case). Both are L2-normalised inside.
    /// Returns a scalar; 0 (with no gradient) when the union has fewer than two rows.
    /// </summary>
    public static Tensor Compute(Tensor localZ, Tensor? otherZ = null, double t = DefaultT)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(localZ.dim(), 2L, nameof(localZ));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t);
        using var scope = NewDisposeScope();
        var all = otherZ is null ? localZ : cat([localZ, otherZ.detach()], 0);
        var rows = all.shape[0];
        if (rows < 2)
        {
            return zeros([], localZ.dtype, localZ.device).MoveToOuterDisposeScope();
        }

        var z = nn.functional.normalize(all, p: 2, dim: 1);
        var squaredNorms = z.square().sum(1);
        var squaredDistances = squaredNorms.unsqueeze(1) + squaredNorms.unsqueeze(0) - 2 * z.matmul(z.t());
        var pairs = triu_indices(rows, rows, 1, device: z.device);
        var pairDistances = squaredDistances.index([pairs[0], pairs[1]]);
        var pairCount = rows * (rows - 1) / 2.0;
        var loss = (-t * pairDistances).logsumexp(0) - Math.Log(pairCount);
        return loss.MoveToOuterDisposeScope();
    }
}
