using Distributed.Learning.Fusion;
using Distributed.Learning.Tests.Training;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Fusion;

/// <summary>The generic loop, evaluator and checkpoints on fusion models.</summary>
public sealed class FusionTrainingTests : IDisposable
{
    private static readonly string[] Labels = ["a", "b"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fusion-checkpoints-{Guid.NewGuid():N}");

    [Fact]
    public void Train_LateFusion_LabelOnlyInImage_LearnsFromTheImage()
    {
        var train = ImageOnlyTask(1, 64);
        var dev = ImageOnlyTask(2, 32);
        TrainingSeed.Apply(3);
        using var model = new LateFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0), new TrainingStepOptions(16, 0, 3e-3));
        var trainer = new Trainer(model, step, Labels, new TrainerOptions(Epochs: 4, BatchSize: 16, Patience: 4));

        // One libtorch thread: on a shared 2-core machine the default pool oversubscribes and is many times slower.
        var threads = get_num_threads();
        set_num_threads(1);
        TrainingSummary summary;
        try
        {
            summary = trainer.Train(train, dev);
        }
        finally
        {
            set_num_threads(threads);
        }

        // The text is random, so chance is about 0.5: only the image path can get the dev rows right.
        Assert.True(summary.BestDevWeightedF1 > 0.8,
            $"best dev weighted F1 {summary.BestDevWeightedF1}; per epoch {string.Join(", ", summary.Epochs.Select(e => e.DevWeightedF1.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void SaveLoad_CrossAttention_RestoresEveryTensor()
    {
        var data = ImageOnlyTask(4, 8);
        TrainingSeed.Apply(5);
        using var model = new CrossAttentionFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0.1), new TrainingStepOptions(4, 0, 1e-3));
        using (var scope = NewDisposeScope())
        {
            step.Accumulate(data.Batch([0, 1, 2, 3]), 4);
            step.OptimizerStep();
        }

        var checkpoint = TrainingCheckpoint.Save(_folder, model, step, new TrainerState(1, 0, 1, 1, 5, -1));
        TrainingSeed.Apply(6);
        using var fresh = new CrossAttentionFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());
        using var freshStep = new TrainingStep(fresh, SyntheticAffect.Objective(0.1), new TrainingStepOptions(4, 0, 1e-3));
        TrainingCheckpoint.Load(checkpoint, fresh, freshStep);

        var expected = model.state_dict();
        foreach (var (key, value) in fresh.state_dict())
        {
            Assert.True(value.allclose(expected[key], 0, 0), $"tensor '{key}' differs after loading");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Random text (no cue); label 1 rows have image features shifted up by 1 on the first half.</summary>
    private static EncodedDataset ImageOnlyTask(int seed, int rows)
    {
        var random = new Random(seed);
        var examples = new List<EncodedExample>();
        for (var i = 0; i < rows; i++)
        {
            var label = random.Next(2);
            var ids = Enumerable.Range(0, 8).Select(t => t == 0 ? 1L : random.NextInt64(6, SyntheticAffect.Vocabulary)).ToArray();
            var features = Enumerable.Range(0, ImageInputs.FeatureSize)
                .Select(d => (float)random.NextDouble() + (label == 1 && d < ImageInputs.FeatureSize / 2 ? 1f : 0f)).ToArray();
            var regions = Enumerable.Range(0, ImageInputs.RegionsLength).Select(d => features[d % ImageInputs.FeatureSize]).ToArray();
            examples.Add(new EncodedExample(ids, [.. Enumerable.Repeat(1L, 8)], new long[8], label, features, regions));
        }

        return new EncodedDataset(examples, 8);
    }
}
