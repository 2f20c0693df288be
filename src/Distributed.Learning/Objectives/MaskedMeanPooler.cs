using static TorchSharp.torch;

namespace Distributed.Learning.Objectives;

/// <summary>
/// Masked-mean pooling (ablation): sum(states * mask) / sum(mask) over the tokens, states [B,T,H],
/// mask [B,T] (1 = real token) → [B,H]. A row without real tokens pools to zeros.
/// </summary>
public sealed class MaskedMeanPooler : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the parameter-free pooler.</summary>
    public MaskedMeanPooler()
        : base(nameof(MaskedMeanPooler)) => RegisterComponents();

    /// <inheritdoc/>
    public override Tensor forward(Tensor states, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var weights = mask.to_type(states.dtype).unsqueeze(-1);
        var count = weights.sum(1).clamp_min(1.0);
        return ((states * weights).sum(1) / count).MoveToOuterDisposeScope();
    }
}
