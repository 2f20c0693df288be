using Distributed.Learning.Encoder;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Fusion;

/// <summary>Hugging Face-style initialisation of the layers a fusion model adds on top of the encoder.</summary>
internal static class FusionInit
{
    /// <summary>normal(0, initializer_range) weights and zero biases for each of <paramref name="layers"/>.</summary>
    public static void Linear(BertConfig config, params Linear[] layers)
    {
        using var noGrad = no_grad();
        foreach (var layer in layers)
        {
            nn.init.normal_(layer.weight, 0.0, config.InitializerRange);
            if (layer.bias is { } bias)
            {
                nn.init.zeros_(bias);
            }
        }
    }

    /// <summary>A learned vector (or matrix) of <paramref name="shape"/> drawn from normal(0, initializer_range).</summary>
    public static Parameter Embedding(BertConfig config, params long[] shape)
    {
        using var noGrad = no_grad();
        return nn.Parameter(normal(0.0, config.InitializerRange, shape));
    }

    /// <summary>The batch's presence mask [B,1] for an image input, ones when the batch gives none.</summary>
    public static Tensor Presence(Tensor? present, long rows, Tensor like) =>
        (present ?? ones(rows, dtype: like.dtype, device: like.device)).to_type(like.dtype).unsqueeze(1);
}
