using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Objectives;

/// <summary>
/// Semantic token selection: a learned scorer rates every token state, the top-K real tokens are kept
/// (padding is never selected), and the pooled feature is the softmax-of-scores weighted sum of the kept states
/// (softmax over the kept tokens only, so the scorer receives gradient). Input: states [B,T,H] and
/// mask [B,T] (1 = real token); output [B,H]. A row without any real token pools to zeros.
/// </summary>
public sealed class TokenSelectionPooler : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _scorer;
    private readonly int _topK;

    /// <summary>Creates the pooler for encoder width <paramref name="hiddenSize"/>; options default to K = 16, linear scorer.</summary>
    public TokenSelectionPooler(int hiddenSize, TokenSelectionOptions? options = null)
        : base(nameof(TokenSelectionPooler))
    {
        options ??= new TokenSelectionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TopK, 1);
        _topK = options.TopK;
        _scorer = options.Scorer switch
        {
            TokenScorerKind.Linear => nn.Linear(hiddenSize, 1),
            TokenScorerKind.Mlp => nn.Sequential(
                nn.Linear(hiddenSize, hiddenSize / 2),
                nn.GELU(),
                nn.Linear(hiddenSize / 2, 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Scorer, "Unknown token scorer."),
        };
        RegisterComponents();
    }

    /// <summary>The number of tokens kept per example (K).</summary>
    public int TopK => _topK;

    /// <inheritdoc/>
    public override Tensor forward(Tensor states, Tensor mask) => Select(states, mask).Pooled;

    /// <summary>Runs the selection and returns the pooled features with the chosen positions and weights.</summary>
    public TokenSelection Select(Tensor states, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var (batch, length, hidden) = (states.shape[0], states.shape[1], states.shape[2]);
        var real = mask.to_type(ScalarType.Bool);
        var scores = _scorer.forward(states).squeeze(-1).masked_fill(real.logical_not(), double.NegativeInfinity);
        var k = (int)Math.Min(_topK, length);
        var (topScores, indices) = scores.topk(k, dim: 1);

        // When a row has fewer than k real tokens, top-k also returns padding slots (score -inf): they stay out
        // of the softmax. A row with no real token at all gets finite logits and is zeroed by the mask below.
        var selectedReal = real.gather(1, indices);
        var anyReal = selectedReal.any(1, keepdim: true);
        var logits = topScores.masked_fill(anyReal.logical_not(), 0.0);
        var weights = nn.functional.softmax(logits, 1) * selectedReal.to_type(states.dtype);

        var selected = states.gather(1, indices.unsqueeze(-1).expand(batch, k, hidden));
        var pooled = weights.unsqueeze(1).bmm(selected).squeeze(1);
        return new TokenSelection(pooled.MoveToOuterDisposeScope(), indices.MoveToOuterDisposeScope(),
            weights.MoveToOuterDisposeScope());
    }
}
