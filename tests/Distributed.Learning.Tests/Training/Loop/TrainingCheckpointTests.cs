using Distributed.Learning.Encoder;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training.Loop;

public sealed class TrainingCheckpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"loop-checkpoints-{Guid.NewGuid():N}");

    [Fact]
    public void Load_AfterThreeSteps_ResumedLossesMatchStraightRun()
    {
        var data = SyntheticData.Create(40, 64);
        TrainingSeed.Apply(41);
        using var straightModel = SyntheticAffect.Model();
        using var straightStep = NewStep(straightModel);
        var straight = Run(straightStep, data, new EpochSampler(data.Count, 8, 42), 6);

        TrainingSeed.Apply(41);
        List<double> resumed;
        string checkpoint;
        using (var model = SyntheticAffect.Model())
        using (var step = NewStep(model))
        {
            var sampler = new EpochSampler(data.Count, 8, 42);
            resumed = Run(step, data, sampler, 3);
            var state = new TrainerState(3, sampler.Position.Epoch, sampler.Position.BatchIndex, step.Schedule.Step, 42, -1);
            checkpoint = TrainingCheckpoint.Save(_folder, model, step, state);
        }

        TrainingSeed.Apply(999);
        using var freshModel = SyntheticAffect.Model();
        using var freshStep = NewStep(freshModel);
        var loaded = TrainingCheckpoint.Load(checkpoint, freshModel, freshStep);
        var freshSampler = new EpochSampler(data.Count, 8, loaded.Seed);
        freshSampler.Restore(loaded.Position);
        resumed.AddRange(Run(freshStep, data, freshSampler, 3));

        Assert.EndsWith("checkpoint-3", checkpoint, StringComparison.Ordinal);
        Assert.Equal(3, loaded.ScheduleStep);
        Assert.Equal(6, freshStep.Schedule.Step);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(straight[i], resumed[i], 1e-6);
        }
    }

    [Fact]
    public void Load_TensorOfWrongShape_ThrowsNamingTensorAndBothShapes()
    {
        TrainingSeed.Apply(50);
        using var model = SyntheticAffect.Model(dropout: 0);
        using var step = NewStep(model);
        var checkpoint = TrainingCheckpoint.Save(_folder, model, step, new TrainerState(0, 0, 0, 0, 1, -1));
        var weights = SafetensorsFile.ReadFloatTensors(Path.Combine(checkpoint, "model.safetensors"));
        weights["classifier.weight"].Dispose();
        weights["classifier.weight"] = zeros(3, 64);
        SafetensorsFile.Write(Path.Combine(checkpoint, "model.safetensors"), weights);
        ModelState.DisposeAll(weights);

        var error = Assert.Throws<InvalidDataException>(() => TrainingCheckpoint.Load(checkpoint, model, step));
        Assert.Contains("'classifier.weight'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[3,64]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2,64]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_WithCheckpointFolder_WritesCompleteCheckpointPerEpoch()
    {
        TrainingSeed.Apply(60);
        using var model = SyntheticAffect.Model();
        using var step = NewStep(model);
        var trainer = new Trainer(model, step, SyntheticData.Labels, new TrainerOptions(2, 8, CheckpointFolder: _folder));
        trainer.Train(SyntheticData.Create(61, 16), SyntheticData.Create(62, 8));

        var folders = Directory.GetDirectories(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["checkpoint-2", "checkpoint-4"], folders);
        var files = Directory.GetFiles(Path.Combine(_folder, "checkpoint-4")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["model.safetensors", "optimizer.dat", "rng.dat", "trainer.json"], files);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static TrainingStep NewStep(AffectClassifier model) =>
        new(model, SyntheticAffect.Objective(0.1), new TrainingStepOptions(20, 4, 1e-3));

    private static List<double> Run(TrainingStep step, EncodedDataset data, EpochSampler sampler, int steps)
    {
        var losses = new List<double>();
        foreach (var indices in sampler.RemainingBatches().Take(steps))
        {
            using var scope = NewDisposeScope();
            losses.Add(step.Accumulate(data.Batch(indices), indices.Length).Total);
            step.OptimizerStep();
        }

        return losses;
    }
}
