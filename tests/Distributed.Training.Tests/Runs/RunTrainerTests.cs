using Distributed.Data.Manifests;
using Distributed.Learning.Text;
using Distributed.Training.Corpus;
using Distributed.Training.Reports;
using Distributed.Training.Runs;

namespace Distributed.Training.Tests.Runs;

public sealed class RunTrainerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("distributed-runtrainer-").FullName;

    private static readonly TrainingSettings Tiny = new(EncoderChoice.Small, TopK: 4, Epochs: 2, BatchSize: 4, MaxLength: 16);

    private static TrainingCorpus Corpus(int devRows = 4)
    {
        string[] texts = ["love it", "great win", "awful day", "so sad"];
        var rows = Enumerable.Range(0, 12).Select(i => new CorpusRow($"t{i}", texts[i % 4], i % 4 < 2 ? "pos" : "neg", "train", null, null,
                i % 3 == 0 ? "ocr: WE WON" : null, DescriptionStatus.TextOnly))
            .Concat(Enumerable.Range(0, devRows).Select(i => new CorpusRow($"d{i}", texts[i % 4], i % 4 < 2 ? "pos" : "neg", "dev", null, null, null, DescriptionStatus.TextOnly)))
            .Concat(Enumerable.Range(0, 4).Select(i => new CorpusRow($"e{i}", texts[i % 4], i % 4 < 2 ? "pos" : "neg", "test", null, null, null, DescriptionStatus.TextOnly)))
            .ToList();
        var counts = new CorpusCounts(rows.Count, rows.Count, 0, rows.Count, 0, 0, 0, 0, 0, [], 0);
        return new TrainingCorpus("/nowhere", [new ManifestFile("/nowhere/all.jsonl", ManifestFormat.Jsonl)], rows, ["neg", "pos"], counts);
    }

    [Fact]
    public void Train_SameSeedTwice_SameLossCurve()
    {
        using var first = RunTrainer.Train(Corpus(), Tiny, DescriptionFieldSet.All);
        using var second = RunTrainer.Train(Corpus(), Tiny, DescriptionFieldSet.All);

        Assert.Equal(6, first.Steps.Count);
        Assert.Equal(first.Steps.Select(s => s.Loss), second.Steps.Select(s => s.Loss));
        Assert.All(first.Steps, s => Assert.True(double.IsFinite(s.Loss) && s.Loss > 0));
    }

    [Fact]
    public void TrainEvaluateReport_WritesCheckpointsMetricsCurvesAndPlots()
    {
        var corpus = Corpus();
        var run = new RunFolder(_folder);
        using var outcome = RunTrainer.Train(corpus, Tiny, DescriptionFieldSet.All, run.Checkpoints);
        var metrics = RunTrainer.Evaluate(outcome, corpus);

        var plots = run.WriteReport(outcome, metrics);

        Assert.Equal(outcome.Summary.Epochs.Count, Directory.GetDirectories(run.Checkpoints, "checkpoint-*").Length);
        Assert.Equal(4, metrics.Dev.Count);
        Assert.Equal(4, metrics.Test!.Count);
        Assert.All(plots, p => Assert.True(new FileInfo(p).Length > 1000, p));
        Assert.Contains("\"confusion_matrix\"", File.ReadAllText(Path.Combine(_folder, "metrics.json")), StringComparison.Ordinal);
        Assert.Contains("\"steps\"", File.ReadAllText(Path.Combine(_folder, "curves.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_EmptyDevSplit_FailsNamingTheSplit()
    {
        var ex = Assert.Throws<InvalidDataException>(() => RunTrainer.Train(Corpus(devRows: 0), Tiny, DescriptionFieldSet.All));

        Assert.Contains("dev split", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadValue_NamesOptionAndValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => (Tiny with { BatchSize = 0 }).Validate());

        Assert.Contains("--batch-size = 0", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
