using static TorchSharp.torch;

namespace Distributed.Learning.Objectives;

/// <summary>CLS pooling (ablation): states [B,T,H] → states[:,0] [B,H]; the mask is ignored.</summary>
public sealed class ClsPooler : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the parameter-free pooler.</summary>
    public ClsPooler()
        : base(nameof(ClsPooler)) => RegisterComponents();

    /// <inheritdoc/>
    public override Tensor forward(Tensor states, Tensor mask) => states.select(1, 0);
}
