using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>HF <c>BertIntermediate</c>: dense to the FFN width, then exact (erf) GELU.</summary>
internal sealed class BertIntermediate : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "dense")]
    private readonly Linear _dense;

    public BertIntermediate(BertConfig config)
        : base("intermediate")
    {
        _dense = nn.Linear(config.HiddenSize, config.IntermediateSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hidden)
    {
        using var projected = _dense.forward(hidden);
        return nn.functional.gelu(projected);
    }
}
