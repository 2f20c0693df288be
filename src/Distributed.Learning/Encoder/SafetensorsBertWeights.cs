using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>
/// Imports a Hugging Face BERT checkpoint folder (<c>config.json</c> + <c>model.safetensors</c>): strips a
/// <c>bert.</c> or <c>roberta.</c> prefix and ignores the pooler, task heads and <c>position_ids</c>.
/// </summary>
public static class SafetensorsBertWeights
{
    /// <summary>File name of the weights inside a checkpoint folder.</summary>
    public const string WeightsFileName = "model.safetensors";

    /// <summary>File name of the configuration inside a checkpoint folder.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>A new <see cref="BertModel"/> built from the folder's config.json and loaded from its model.safetensors.</summary>
    public static BertModel Load(string folder)
    {
        var config = BertConfig.FromHuggingFaceJson(File.ReadAllText(Path.Combine(folder, ConfigFileName)));
        var weights = ReadStateDict(Path.Combine(folder, WeightsFileName));
        try
        {
            return BertStateDict.CreateLoaded(config, weights);
        }
        finally
        {
            BertStateDict.DisposeAll(weights);
        }
    }

    /// <summary>HF-keyed float32 encoder tensors of a safetensors file (prefix stripped; heads dropped); caller owns them.</summary>
    public static Dictionary<string, Tensor> ReadStateDict(string safetensorsPath)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, value) in SafetensorsFile.ReadFloatTensors(safetensorsPath))
        {
            var key = OnnxBertWeights.StripPrefix(name);
            if (OnnxBertWeights.IsEncoderKey(key) && result.TryAdd(key, value))
            {
                continue;
            }

            value.Dispose();
        }

        return result;
    }
}
