using System.Text.Json;

namespace Distributed.Learning.Encoder;

/// <summary>
/// Shape and regularisation of a BERT encoder, keyed like Hugging Face's <c>config.json</c>.
/// Defaults: type vocab 2, layer-norm eps 1e-12, hidden and attention dropout 0.1, pad token 0,
/// initializer range 0.02.
/// </summary>
public sealed record BertConfig(
    int VocabSize,
    int HiddenSize,
    int NumHiddenLayers,
    int NumAttentionHeads,
    int IntermediateSize,
    int MaxPositionEmbeddings,
    int TypeVocabSize = 2,
    double LayerNormEps = 1e-12,
    double HiddenDropoutProb = 0.1,
    double AttentionProbsDropoutProb = 0.1,
    int PadTokenId = 0,
    double InitializerRange = 0.02)
{
    /// <summary>all-MiniLM-L6-v2: 6 layers, hidden 384, 12 heads, FFN 1536, vocab 30,522, 512 positions.</summary>
    public static BertConfig MiniLM { get; } = new(30522, 384, 6, 12, 1536, 512);

    /// <summary>Width of one attention head.</summary>
    public int AttentionHeadSize => HiddenSize / NumAttentionHeads;

    /// <summary>A tiny test profile: 2 layers, hidden 64, 2 heads, FFN 128, 64 positions; any vocabulary size (default 128).</summary>
    public static BertConfig Small(int vocabSize = 128) => new(vocabSize, 64, 2, 2, 128, 64);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent value.</summary>
    public void Validate()
    {
        Require(VocabSize > 0, nameof(VocabSize));
        Require(HiddenSize > 0, nameof(HiddenSize));
        Require(NumHiddenLayers > 0, nameof(NumHiddenLayers));
        Require(NumAttentionHeads > 0 && HiddenSize % NumAttentionHeads == 0, nameof(NumAttentionHeads));
        Require(IntermediateSize > 0, nameof(IntermediateSize));
        Require(MaxPositionEmbeddings > 0, nameof(MaxPositionEmbeddings));
        Require(TypeVocabSize > 0, nameof(TypeVocabSize));
        Require(LayerNormEps > 0, nameof(LayerNormEps));
        Require(HiddenDropoutProb is >= 0 and < 1, nameof(HiddenDropoutProb));
        Require(AttentionProbsDropoutProb is >= 0 and < 1, nameof(AttentionProbsDropoutProb));
        Require(PadTokenId >= 0 && PadTokenId < VocabSize, nameof(PadTokenId));
    }

    /// <summary>
    /// Reads a Hugging Face BERT <c>config.json</c>. The six size keys are required; type_vocab_size,
    /// layer_norm_eps, the dropout probabilities, pad_token_id and initializer_range fall back to the
    /// defaults above. Throws <see cref="FormatException"/> naming a missing or invalid key, or an
    /// unsupported hidden_act / position_embedding_type.
    /// </summary>
    public static BertConfig FromHuggingFaceJson(string configJson)
    {
        ArgumentNullException.ThrowIfNull(configJson);
        using var document = JsonDocument.Parse(configJson);
        var root = document.RootElement;
        var text = new HuggingFaceConfigReader(root);
        text.RequireStringOrAbsent("hidden_act", "gelu");
        text.RequireStringOrAbsent("position_embedding_type", "absolute");
        var config = new BertConfig(
            text.Int("vocab_size"),
            text.Int("hidden_size"),
            text.Int("num_hidden_layers"),
            text.Int("num_attention_heads"),
            text.Int("intermediate_size"),
            text.Int("max_position_embeddings"),
            text.Int("type_vocab_size", 2),
            text.Double("layer_norm_eps", 1e-12),
            text.Double("hidden_dropout_prob", 0.1),
            text.Double("attention_probs_dropout_prob", 0.1),
            text.Int("pad_token_id", 0),
            text.Double("initializer_range", 0.02));
        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"config.json: invalid value for {e.ParamName}", e);
        }

        return config;
    }

    private static void Require(bool condition, string name)
    {
        if (!condition)
        {
            throw new ArgumentException($"BertConfig.{name} is out of range.", name);
        }
    }
}
