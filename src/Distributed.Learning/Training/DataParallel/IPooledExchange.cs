using static TorchSharp.torch;

namespace Distributed.Learning.Training.DataParallel;

/// <summary>
/// The all-gather of the global-batch uniformity term: every rank posts the detached pooled rows [b_r, H] of its slice
/// and receives the rows of ALL ranks concatenated in rank order [N, H] (its own included, at its slice's offset).
/// Synchronous from the training thread's point of view (the step calls it inside a dispose scope, where it must not
/// await): it blocks until every rank has posted. Every rank calls it exactly once per global step, in the same order,
/// a rank with no rows included (it posts null). One instance belongs to one rank.
/// </summary>
public interface IPooledExchange
{
    /// <summary>
    /// Posts <paramref name="local"/> ([b_r, H] float32, detached; null for a rank with no rows) and returns every
    /// rank's rows in rank order as [N, H] float32, created in the caller's dispose scope.
    /// </summary>
    Tensor AllGather(Tensor? local);
}
