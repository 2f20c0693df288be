using System.Text;
using Distributed.Learning.Encoder;
using Distributed.Learning.Text;
using Distributed.Learning.Training;
using Distributed.Training.Experiments;

namespace Distributed.Training.Tests.Experiments;

/// <summary>A tiny two-class experiment: a word vocabulary, posts and descriptions cueing the label, seeded image features.</summary>
internal static class SyntheticExperiment
{
    public static readonly string[] Labels = ["negative", "positive"];

    private static readonly string[] Words =
        ["happy", "good", "sunny", "sad", "bad", "rainy", "day", "photo", "shows", "a", "smiling", "crying", "person", "dog", "street"];

    public static TextTokenizer Tokenizer()
    {
        var vocab = string.Join('\n', ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", .. Words]) + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(vocab));
        return TextTokenizer.FromVocabStream(stream, lowerCase: true);
    }

    public static ExperimentOptions Options() => new(
        ExperimentOptions.RandomEncoder(BertConfig.Small(32) with { HiddenDropoutProb = 0, AttentionProbsDropoutProb = 0 }),
        Tokenizer())
    {
        MaxLength = 24,
        BatchSize = 8,
        Epochs = 1,
        LearningRate = 1e-3,
        TopK = 4,
        EvaluationBatchSize = 16,
    };

    /// <summary>24 train, 8 dev, 8 test rows; every row has images, every fourth row has no description.</summary>
    public static List<ExperimentRow> Rows(int count = 40)
    {
        var random = new Random(5);
        var rows = new List<ExperimentRow>();
        for (var i = 0; i < count; i++)
        {
            var label = i % 2;
            var text = label == 1 ? "happy good sunny day" : "sad bad rainy day";
            string? description = i % 4 == 3 ? null : $"a photo shows a {(label == 1 ? "smiling" : "crying")} person {i % 3}";
            var split = i < count * 6 / 10 ? ExperimentSplit.Train : i < count * 8 / 10 ? ExperimentSplit.Dev : ExperimentSplit.Test;
            rows.Add(new ExperimentRow($"row-{i}", text, description, label, split,
                Floats(random, ImageInputs.FeatureSize), Floats(random, ImageInputs.RegionsLength)));
        }

        return rows;
    }

    private static float[] Floats(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)random.NextDouble())];
}
