using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Training.DataParallel;

/// <summary>
/// One global optimizer step of one rank of a data-parallel run, around the rank's own <see cref="TrainingStep"/>
/// (its model replica and AdamW): for each micro-batch of the rank's slice,
/// <see cref="TrainingStep.Accumulate"/> with the GLOBAL batch size as normaliser; then the caller's gradient
/// all-reduce (a SUM over ranks, see <see cref="Objectives.UniformityLoss"/> for why no division by W); then
/// <see cref="TrainingStep.OptimizerStep"/>, so clipping sees the reduced global gradient and every replica takes the
/// same step. With the same initial weights, the result equals one process training on the whole global batch up to
/// float rounding.
/// </summary>
/// <remarks>
/// <para>
/// Uniformity (lambda &gt; 0): every rank needs the detached pooled rows of all other rows of the global batch,
/// gathered with <see cref="IPooledExchange.AllGather"/> once per step. With one micro-batch the gather happens inside
/// the backward pass's forward (no extra work). With several micro-batches, the rows of the rank's own later
/// micro-batches are needed too, so the step first runs a no-grad forward over all its micro-batches, gathers once,
/// and then each micro-batch gets every other global row as detached "others". This costs one extra forward and is
/// exact when the forward is deterministic (dropout 0); with dropout, the detached rows come from a different dropout
/// sample than the graph's rows, a small approximation of the full-batch term. With lambda = 0 nothing is gathered.
/// </para>
/// <para>
/// A rank with an empty slice runs no forward, posts null to the gather and contributes a zero gradient. Before the
/// all-reduce every parameter's gradient is materialised (zeros where none), on every rank, so the all-reduce always
/// sees the same tensor list; a parameter the model never uses therefore gets a zero gradient (and AdamW's weight
/// decay), unlike in a single-process <see cref="TrainingStep"/>.
/// </para>
/// <para>
/// Tolerance: the reduced gradient equals the single-process gradient to float rounding (about 1e-6 of its largest
/// element in the tests), but AdamW's early steps move a weight by about lr * g / (|g| + eps) however small g is, so an
/// element whose gradient is itself at rounding level (~1e-10) can move differently by up to lr with the default
/// eps = 1e-8. The equivalence tests use eps = 1e-6; with the default, parameters agree to about 0.1 lr.
/// </para>
/// <para>
/// Threading: the forward/backward part runs synchronously on the calling thread in dispose scopes; the all-reduce
/// is awaited outside any scope; the optimizer step opens its own scope on whichever thread resumes.
/// </para>
/// </remarks>
public sealed class DataParallelStep
{
    private readonly TrainingStep _step;
    private readonly EncodedDataset _data;
    private readonly IPooledExchange? _exchange;
    private readonly Func<IReadOnlyList<Parameter>, CancellationToken, Task> _allReduce;
    private readonly int? _microBatchRows;

    /// <summary>
    /// Creates the step of one rank. <paramref name="allReduce"/> must leave in every parameter's gradient the SUM of
    /// all ranks' gradients (the same on every rank, in a fixed order for determinism). <paramref name="exchange"/> is
    /// required when the objective's lambda is above 0. <paramref name="microBatchRows"/> caps the rows per
    /// forward/backward (gradient accumulation); null means the whole slice at once.
    /// </summary>
    public DataParallelStep(
        TrainingStep step,
        EncodedDataset data,
        IPooledExchange? exchange,
        Func<IReadOnlyList<Parameter>, CancellationToken, Task> allReduce,
        int? microBatchRows = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(allReduce);
        if (microBatchRows is { } rows)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows, nameof(microBatchRows));
        }

        if (exchange is null && step.Objective.Options.Lambda > 0)
        {
            throw new ArgumentException("The uniformity term (lambda > 0) needs a pooled-feature exchange.", nameof(exchange));
        }

        _step = step;
        _data = data;
        _exchange = step.Objective.Options.Lambda > 0 ? exchange : null;
        _allReduce = allReduce;
        _microBatchRows = microBatchRows;
    }

    /// <summary>
    /// Runs the global step for this rank's <paramref name="batch"/>: accumulate, all-reduce, optimizer step.
    /// Returns this rank's loss share and the (replicated) optimizer update.
    /// </summary>
    public async Task<DataParallelUpdate> RunAsync(RankBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var loss = Accumulate(batch);
        await _allReduce(_step.Parameters, cancellationToken).ConfigureAwait(false);
        return new DataParallelUpdate(loss, _step.OptimizerStep());
    }

    /// <summary>Forward/backward of every micro-batch of the slice, then zero-fills missing gradients.</summary>
    private RankLoss Accumulate(RankBatch batch)
    {
        var micro = batch.MicroBatches(_microBatchRows);
        double crossEntropy = 0;
        double? uniformity = null;
        using (NewDisposeScope())
        {
            var all = micro.Count > 1 && _exchange is not null ? _exchange.AllGather(PooledWithoutGrad(micro)) : null;
            if (micro.Count == 0)
            {
                _exchange?.AllGather(null);
            }

            var start = batch.Offset;
            foreach (var rows in micro)
            {
                using var scope = NewDisposeScope();
                var from = start;
                var part = _step.Accumulate(_data.Batch(rows), batch.GlobalSize,
                    _exchange is null ? null : local => Others(all ?? _exchange.AllGather(local), from, rows.Length)?.to(local.device));
                crossEntropy += part.CrossEntropy;
                uniformity ??= part.Uniformity;
                start += rows.Length;
            }

            foreach (var parameter in _step.Parameters)
            {
                parameter.grad ??= zeros_like(parameter);
            }
        }

        return new RankLoss(crossEntropy, uniformity, batch.Rows.Length);
    }

    /// <summary>The slice's pooled rows [b_r,H] from a no-grad forward of each micro-batch, in the caller's scope.</summary>
    private Tensor PooledWithoutGrad(IReadOnlyList<int[]> micro)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _step.Model.train();
        var pooled = micro.Select(rows => _step.Model.ForwardBatch(_data.Batch(rows)).Pooled).ToArray();
        return cat(pooled, 0).MoveToOuterDisposeScope();
    }

    /// <summary>The global rows [N,H] without the rows [from, from + count), or null when none remain.</summary>
    private static Tensor? Others(Tensor all, int from, int count)
    {
        var rows = all.shape[0];
        if (rows == count)
        {
            return null;
        }

        return cat([all[..from], all[(from + count)..]], 0);
    }
}
