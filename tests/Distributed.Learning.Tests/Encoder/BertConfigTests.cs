using Distributed.Learning.Encoder;

namespace Distributed.Learning.Tests.Encoder;

public sealed class BertConfigTests
{
    // config.json of sentence-transformers/all-MiniLM-L6-v2.
    private const string MiniLMConfigJson = """
        {
          "_name_or_path": "nreimers/MiniLM-L6-H384-uncased",
          "architectures": ["BertModel"],
          "attention_probs_dropout_prob": 0.1,
          "gradient_checkpointing": false,
          "hidden_act": "gelu",
          "hidden_dropout_prob": 0.1,
          "hidden_size": 384,
          "initializer_range": 0.02,
          "intermediate_size": 1536,
          "layer_norm_eps": 1e-12,
          "max_position_embeddings": 512,
          "model_type": "bert",
          "num_attention_heads": 12,
          "num_hidden_layers": 6,
          "pad_token_id": 0,
          "position_embedding_type": "absolute",
          "transformers_version": "4.8.2",
          "type_vocab_size": 2,
          "use_cache": true,
          "vocab_size": 30522
        }
        """;

    [Fact]
    public void FromHuggingFaceJson_MiniLMConfig_EqualsMiniLMPreset()
    {
        Assert.Equal(BertConfig.MiniLM, BertConfig.FromHuggingFaceJson(MiniLMConfigJson));
        Assert.Equal(32, BertConfig.MiniLM.AttentionHeadSize);
    }

    [Fact]
    public void Small_AnyVocabulary_HasTestProfileShapes()
    {
        var config = BertConfig.Small(500);
        Assert.Equal((500, 64, 2, 2, 128, 64), (config.VocabSize, config.HiddenSize, config.NumHiddenLayers,
            config.NumAttentionHeads, config.IntermediateSize, config.MaxPositionEmbeddings));
        Assert.Equal((2, 1e-12, 0.1, 0.1, 0), (config.TypeVocabSize, config.LayerNormEps, config.HiddenDropoutProb,
            config.AttentionProbsDropoutProb, config.PadTokenId));
    }

    [Theory]
    [InlineData("vocab_size")]
    [InlineData("hidden_size")]
    [InlineData("num_hidden_layers")]
    [InlineData("num_attention_heads")]
    [InlineData("intermediate_size")]
    [InlineData("max_position_embeddings")]
    public void FromHuggingFaceJson_MissingRequiredKey_ThrowsNamingKey(string key)
    {
        var json = MiniLMConfigJson.Replace($"\"{key}\"", "\"renamed\"", StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => BertConfig.FromHuggingFaceJson(json));
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"hidden_size\": 384", "\"hidden_size\": \"big\"", "hidden_size")]
    [InlineData("\"layer_norm_eps\": 1e-12", "\"layer_norm_eps\": [1]", "layer_norm_eps")]
    [InlineData("\"type_vocab_size\": 2", "\"type_vocab_size\": 2.5", "type_vocab_size")]
    [InlineData("\"hidden_act\": \"gelu\"", "\"hidden_act\": \"relu\"", "hidden_act")]
    [InlineData("\"num_attention_heads\": 12", "\"num_attention_heads\": 7", "NumAttentionHeads")]
    public void FromHuggingFaceJson_InvalidValue_ThrowsNamingKey(string original, string replacement, string named)
    {
        var json = MiniLMConfigJson.Replace(original, replacement, StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => BertConfig.FromHuggingFaceJson(json));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromHuggingFaceJson_OptionalKeysAbsent_UsesDefaults()
    {
        const string json = """
            {"vocab_size": 99, "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2,
             "intermediate_size": 128, "max_position_embeddings": 64}
            """;
        Assert.Equal(BertConfig.Small(99), BertConfig.FromHuggingFaceJson(json));
    }
}
