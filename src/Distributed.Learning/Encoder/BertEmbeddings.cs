using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>HF <c>BertEmbeddings</c>: word + learned absolute position + token type, then LayerNorm and dropout.</summary>
internal sealed class BertEmbeddings : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "word_embeddings")]
    private readonly Embedding _wordEmbeddings;

    [ComponentName(Name = "position_embeddings")]
    private readonly Embedding _positionEmbeddings;

    [ComponentName(Name = "token_type_embeddings")]
    private readonly Embedding _tokenTypeEmbeddings;

    [ComponentName(Name = "LayerNorm")]
    private readonly LayerNorm _layerNorm;

    [ComponentName(Name = "dropout")]
    private readonly Dropout _dropout;

    public BertEmbeddings(BertConfig config)
        : base("embeddings")
    {
        _wordEmbeddings = nn.Embedding(config.VocabSize, config.HiddenSize, padding_idx: config.PadTokenId);
        _positionEmbeddings = nn.Embedding(config.MaxPositionEmbeddings, config.HiddenSize);
        _tokenTypeEmbeddings = nn.Embedding(config.TypeVocabSize, config.HiddenSize);
        _layerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        _dropout = nn.Dropout(config.HiddenDropoutProb);
        RegisterComponents();
    }

    /// <summary>input_ids and token_type_ids [B,T] int64 → embeddings [B,T,H].</summary>
    public override Tensor forward(Tensor inputIds, Tensor tokenTypeIds)
    {
        using var scope = NewDisposeScope();
        var positions = arange(inputIds.shape[1], dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0);
        var sum = _wordEmbeddings.forward(inputIds)
            + _tokenTypeEmbeddings.forward(tokenTypeIds)
            + _positionEmbeddings.forward(positions);
        return _dropout.forward(_layerNorm.forward(sum)).MoveToOuterDisposeScope();
    }
}
