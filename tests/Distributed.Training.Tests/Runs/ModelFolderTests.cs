using System.Text.Json;
using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Text;
using Distributed.Learning.Training;
using Distributed.Training.Corpus;
using Distributed.Training.Runs;
using TorchSharp;

namespace Distributed.Training.Tests.Runs;

public sealed class ModelFolderTests : IDisposable
{
    private static readonly string[] Labels = ["negative", "neutral", "positive"];
    private readonly string _folder = Directory.CreateTempSubdirectory("distributed-model-").FullName;

    private static readonly CorpusRow[] Rows =
    [
        new("a", "what a great day", "positive", "test", null, null, "ocr: WE WON | scene: bright", DescriptionStatus.Found),
        new("b", "this is awful", "negative", "test", null, null, null, DescriptionStatus.TextOnly),
        new("c", "meh", "neutral", "test", null, null, "scene: grey", DescriptionStatus.Found),
    ];

    private static (AffectClassifier Model, ModelSpec Spec) NewModel(PoolingKind pooling = PoolingKind.TokenSelection)
    {
        torch.manual_seed(7);
        var spec = new ModelSpec("small", pooling, 4, TokenScorerKind.Linear, 0.1, 24, 0.5, "ocr,visual_scene,reasoning");
        var config = RunTrainer.SmallConfig(TextTokenizer.MiniLM().VocabularySize, spec.MaxLength);
        return (new AffectClassifier(config, new AffectModelOptions(Labels.Length, spec.Pooling, spec.TopK, spec.Dropout, spec.Scorer)), spec);
    }

    [Fact]
    public void ExportThenLoad_SamePredictions()
    {
        var (model, spec) = NewModel();
        using var _ = model;
        var encoder = new PairEncoder(TextTokenizer.MiniLM(), spec.MaxLength, spec.PostShare);
        var expected = ModelInference.Probabilities(model, CorpusEncoding.Encode(Rows, encoder, Labels)!);

        ModelFolder.Export(_folder, model, Labels, spec);
        using var loaded = ModelFolder.Load(_folder);
        var actual = ModelInference.Probabilities(loaded.Model, CorpusEncoding.Encode(Rows, loaded.Encoder, loaded.Labels)!);

        Assert.Equal(Labels, loaded.Labels);
        Assert.Equal(spec, loaded.Spec);
        for (var row = 0; row < Rows.Length; row++)
        {
            Assert.Equal(expected[row], actual[row]);
        }

        Assert.NotEqual(expected[0], expected[1]);
    }

    [Fact]
    public void Export_WritesHuggingFaceConfigWithLabelsAndEveryWeight()
    {
        var (model, spec) = NewModel();
        using var _ = model;

        ModelFolder.Export(_folder, model, Labels, spec);

        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "config.json")));
        Assert.Equal("bert", config.RootElement.GetProperty("model_type").GetString());
        Assert.Equal(64, config.RootElement.GetProperty("hidden_size").GetInt32());
        Assert.Equal("positive", config.RootElement.GetProperty("id2label").GetProperty("2").GetString());
        Assert.Equal(1, config.RootElement.GetProperty("label2id").GetProperty("neutral").GetInt32());
        var tensors = SafetensorsFile.ReadFloatTensors(Path.Combine(_folder, "model.safetensors"));
        try
        {
            Assert.Contains("classifier.weight", tensors.Keys);
            Assert.Contains(tensors.Keys, k => k.StartsWith("pooler.", StringComparison.Ordinal));
            Assert.Contains("bert.embeddings.word_embeddings.weight", tensors.Keys);
        }
        finally
        {
            Distributed.Learning.StateDicts.DisposeAll(tensors);
        }

        Assert.Equal(TextTokenizer.MiniLM().VocabularySize, File.ReadAllLines(Path.Combine(_folder, "vocab.txt")).Length);
    }

    [Fact]
    public void Load_WrongShapeTensor_FailsNamingTensorAndBothShapes()
    {
        var (model, spec) = NewModel();
        using var _ = model;
        ModelFolder.Export(_folder, model, Labels, spec);
        var path = Path.Combine(_folder, "model.safetensors");
        var tensors = SafetensorsFile.ReadFloatTensors(path);
        try
        {
            tensors["classifier.weight"].Dispose();
            tensors["classifier.weight"] = torch.zeros(2, 64);
            SafetensorsFile.Write(path, tensors);
        }
        finally
        {
            Distributed.Learning.StateDicts.DisposeAll(tensors);
        }

        var ex = Assert.Throws<InvalidDataException>(() => ModelFolder.Load(_folder));

        Assert.Contains("classifier.weight", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[2,64]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[3,64]", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_folder, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_FailsNamingIt()
    {
        var (model, spec) = NewModel();
        using var _ = model;
        ModelFolder.Export(_folder, model, Labels, spec);
        File.Delete(Path.Combine(_folder, "labels.json"));

        var ex = Assert.Throws<FileNotFoundException>(() => ModelFolder.Load(_folder));

        Assert.Contains("labels.json", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
