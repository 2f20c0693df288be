using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>HF <c>BertLayer</c>: post-LayerNorm transformer block (attention, intermediate, output).</summary>
internal sealed class BertLayer : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "attention")]
    private readonly BertAttention _attention;

    [ComponentName(Name = "intermediate")]
    private readonly BertIntermediate _intermediate;

    [ComponentName(Name = "output")]
    private readonly BertResidualOutput _output;

    public BertLayer(BertConfig config)
        : base("layer")
    {
        _attention = new BertAttention(config);
        _intermediate = new BertIntermediate(config);
        _output = new BertResidualOutput(config.IntermediateSize, config);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hidden, Tensor additiveMask)
    {
        using var attended = _attention.forward(hidden, additiveMask);
        using var expanded = _intermediate.forward(attended);
        return _output.forward(expanded, attended);
    }
}
