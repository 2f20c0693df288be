using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>HF <c>BertEncoder</c>: the stack of <see cref="BertLayer"/>s, registered as <c>layer.{i}</c>.</summary>
internal sealed class BertEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "layer")]
    private readonly ModuleList<BertLayer> _layer;

    public BertEncoder(BertConfig config)
        : base("encoder")
    {
        _layer = nn.ModuleList(Enumerable.Range(0, config.NumHiddenLayers).Select(_ => new BertLayer(config)).ToArray());
        RegisterComponents();
    }

    public override Tensor forward(Tensor hidden, Tensor additiveMask)
    {
        var current = hidden.alias();
        foreach (var layer in _layer)
        {
            var next = layer.forward(current, additiveMask);
            current.Dispose();
            current = next;
        }

        return current;
    }
}
