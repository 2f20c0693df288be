using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>
/// A BERT encoder without pooler (HF <c>BertModel</c>, add_pooling_layer=False). State-dict keys equal Hugging Face's
/// without the <c>bert.</c> prefix, e.g. <c>encoder.layer.0.attention.self.query.weight</c>.
/// forward(input_ids [B,T] int64, attention_mask [B,T] (1 = token, 0 = padding; any numeric dtype),
/// token_type_ids [B,T] int64) → last_hidden_state [B,T,H] float32. Initialised as HF does
/// (normal(0, initializer_range), zero biases, padding row zero); call <c>eval()</c> to disable dropout.
/// </summary>
public sealed class BertModel : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "embeddings")]
    private readonly BertEmbeddings _embeddings;

    [ComponentName(Name = "encoder")]
    private readonly BertEncoder _encoder;

    /// <summary>Creates a randomly initialised encoder for <paramref name="config"/>.</summary>
    public BertModel(BertConfig config)
        : base("bert")
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        _embeddings = new BertEmbeddings(config);
        _encoder = new BertEncoder(config);
        RegisterComponents();
        InitializeWeights(this, config);
    }

    /// <summary>The configuration this encoder was built with.</summary>
    public BertConfig Config { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask, Tensor tokenTypeIds)
    {
        ArgumentNullException.ThrowIfNull(inputIds);
        ArgumentNullException.ThrowIfNull(attentionMask);
        ArgumentNullException.ThrowIfNull(tokenTypeIds);
        if (inputIds.dim() != 2 || inputIds.shape[1] > Config.MaxPositionEmbeddings)
        {
            throw new ArgumentException(
                $"input_ids must be [B,T] with T <= {Config.MaxPositionEmbeddings}; got {BertStateDict.Format(inputIds.shape)}.",
                nameof(inputIds));
        }

        if (!attentionMask.shape.SequenceEqual(inputIds.shape) || !tokenTypeIds.shape.SequenceEqual(inputIds.shape))
        {
            throw new ArgumentException(
                $"attention_mask {BertStateDict.Format(attentionMask.shape)} and token_type_ids {BertStateDict.Format(tokenTypeIds.shape)} "
                + $"must match input_ids {BertStateDict.Format(inputIds.shape)}.");
        }

        using var scope = NewDisposeScope();
        var embedded = _embeddings.forward(inputIds, tokenTypeIds);
        var additiveMask = AdditiveMask(attentionMask, embedded.dtype);
        return _encoder.forward(embedded, additiveMask).MoveToOuterDisposeScope();
    }

    /// <summary>HF's extended mask: (1 - mask) * finfo(dtype).min, shaped [B,1,1,T].</summary>
    private static Tensor AdditiveMask(Tensor attentionMask, ScalarType dtype)
    {
        var keep = attentionMask.to_type(dtype).unsqueeze(1).unsqueeze(2);
        return keep.neg().add_(1.0).mul_(finfo(dtype).min);
    }

    private static void InitializeWeights(nn.Module root, BertConfig config)
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in root.named_modules())
        {
            switch (module)
            {
                case Linear linear:
                    nn.init.normal_(linear.weight, 0.0, config.InitializerRange);
                    if (linear.bias is { } bias)
                    {
                        nn.init.zeros_(bias);
                    }

                    break;
                case Embedding embedding:
                    nn.init.normal_(embedding.weight, 0.0, config.InitializerRange);
                    break;
                case LayerNorm layerNorm:
                    nn.init.ones_(layerNorm.weight);
                    nn.init.zeros_(layerNorm.bias);
                    break;
            }
        }

        var word = root.get_parameter("embeddings.word_embeddings.weight")
            ?? throw new InvalidOperationException("embeddings.word_embeddings.weight is not registered.");
        using var padRow = word[config.PadTokenId];
        padRow.zero_();
    }
}
