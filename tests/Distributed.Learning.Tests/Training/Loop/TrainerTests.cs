using Distributed.Learning.Training;
using Xunit.Abstractions;

namespace Distributed.Learning.Tests.Training.Loop;

public sealed class TrainerTests(ITestOutputHelper output)
{
    [Fact]
    public void Train_SyntheticTask_ReachesHighDevF1AndKeepsBestWeights()
    {
        var train = SyntheticData.Create(10, 320);
        var dev = SyntheticData.Create(11, 128);
        TrainingSeed.Apply(12);
        using var model = SyntheticAffect.Model();
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0.1), new TrainingStepOptions(160, 10, 1e-3));
        var trainer = new Trainer(model, step, SyntheticData.Labels, new TrainerOptions(Epochs: 8, BatchSize: 16, Patience: 3));

        var summary = trainer.Train(train, dev);

        foreach (var epoch in summary.Epochs)
        {
            output.WriteLine($"epoch {epoch.Epoch}: loss {epoch.TrainLoss:F4}, dev F1 {epoch.DevWeightedF1:F3}, acc {epoch.DevAccuracy:F3}");
        }

        Assert.True(summary.BestDevWeightedF1 > 0.9, $"best dev weighted F1 {summary.BestDevWeightedF1}");
        Assert.Equal(summary.Epochs.Count * 20, summary.Steps);
        var final = ModelEvaluator.Evaluate(model, dev, SyntheticData.Labels).Report;
        Assert.Equal(summary.BestDevWeightedF1, final.WeightedF1, 1e-12);
    }

    [Fact]
    public void Train_DevF1NeverImproves_StopsAfterPatience()
    {
        var train = SyntheticData.Create(20, 32);
        var dev = SyntheticData.Create(21, 32);
        TrainingSeed.Apply(22);
        using var model = SyntheticAffect.Model();
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0), new TrainingStepOptions(100, 0, 1e-12));
        var trainer = new Trainer(model, step, SyntheticData.Labels, new TrainerOptions(Epochs: 6, BatchSize: 16, Patience: 2));

        var summary = trainer.Train(train, dev);

        Assert.True(summary.StoppedEarly);
        Assert.Equal(3, summary.Epochs.Count);
        Assert.Equal(0, summary.BestEpoch);
        Assert.Equal(6, summary.Steps);
    }

    [Fact]
    public void Train_LabelOutsideLabelSet_ThrowsNamingTheRow()
    {
        var rows = SyntheticData.Create(30, 8).Rows.ToList();
        rows[5] = rows[5] with { Label = 3 };
        var train = new EncodedDataset(rows, SyntheticAffect.SequenceLength);
        TrainingSeed.Apply(31);
        using var model = SyntheticAffect.Model();
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0), new TrainingStepOptions(10));
        var trainer = new Trainer(model, step, SyntheticData.Labels, new TrainerOptions(BatchSize: 4));

        var error = Assert.Throws<ArgumentException>(() => trainer.Train(train, SyntheticData.Create(32, 8)));
        Assert.Contains("Row 5 has label 3", error.Message, StringComparison.Ordinal);
    }
}
