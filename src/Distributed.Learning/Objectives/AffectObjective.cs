using static TorchSharp.torch;

namespace Distributed.Learning.Objectives;

/// <summary>
/// Training objective of the affect classifier: cross-entropy + lambda * <see cref="UniformityLoss"/> on the pooled
/// features (defaults: lambda = 0.1, t = 2). Cross-entropy is the sum over the rows (each weighted by its class
/// weight when given) divided by a normaliser, by default the local batch size. For data-parallel slices pass the
/// global batch size: the slices' losses and gradients then sum exactly to the full batch's (with class weights
/// this is sum(w_y * nll) / N, not PyTorch's weighted mean; pass the global weight sum instead to get that).
/// </summary>
public sealed class AffectObjective
{
    private readonly AffectObjectiveOptions _options;
    private readonly Tensor? _classWeights;

    /// <summary>Creates the objective; <paramref name="classWeights"/> [C] is owned by the caller and must be on the logits' device.</summary>
    public AffectObjective(AffectObjectiveOptions? options = null, Tensor? classWeights = null)
    {
        _options = options ?? new AffectObjectiveOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Lambda);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.T);
        _classWeights = classWeights;
    }

    /// <summary>The options in use.</summary>
    public AffectObjectiveOptions Options => _options;

    /// <summary>
    /// Computes the loss for logits [B,C], labels [B] (int64) and pooled features [B,H]. <paramref name="otherPooled"/>
    /// holds the other ranks' pooled rows (see <see cref="UniformityLoss"/>); <paramref name="normaliser"/> defaults
    /// to B. Summing the gradients of every rank's Total equals the full-batch gradient.
    /// </summary>
    public AffectLoss Compute(Tensor logits, Tensor labels, Tensor pooled, Tensor? otherPooled = null, double? normaliser = null)
    {
        var divisor = normaliser ?? logits.shape[0];
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(divisor, nameof(normaliser));
        using var scope = NewDisposeScope();
        var crossEntropy = nn.functional.cross_entropy(logits, labels, _classWeights, reduction: nn.Reduction.Sum) / divisor;
        if (_options.Lambda == 0)
        {
            crossEntropy = crossEntropy.MoveToOuterDisposeScope();
            return new AffectLoss(crossEntropy, crossEntropy, null);
        }

        var uniformity = UniformityLoss.Compute(pooled, otherPooled, _options.T);
        var total = crossEntropy + _options.Lambda * uniformity;
        return new AffectLoss(total.MoveToOuterDisposeScope(), crossEntropy.MoveToOuterDisposeScope(),
            uniformity.MoveToOuterDisposeScope());
    }
}
