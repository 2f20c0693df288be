using static TorchSharp.torch;

namespace Distributed.Learning.Objectives;

/// <summary>Builds the pooler for a <see cref="PoolingKind"/>.</summary>
public static class Poolers
{
    /// <summary>
    /// Creates a pooler mapping (states [B,T,H], mask [B,T]) to [B,H]; <paramref name="options"/> only matters
    /// for <see cref="PoolingKind.TokenSelection"/> (defaults: K = 16, linear scorer).
    /// </summary>
    public static nn.Module<Tensor, Tensor, Tensor> Create(
        PoolingKind kind, int hiddenSize, TokenSelectionOptions? options = null) => kind switch
        {
            PoolingKind.TokenSelection => new TokenSelectionPooler(hiddenSize, options),
            PoolingKind.Cls => new ClsPooler(),
            PoolingKind.MaskedMean => new MaskedMeanPooler(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown pooling kind."),
        };
}
