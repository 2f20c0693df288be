using System.Diagnostics;
using Distributed.Learning.Training;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training;

public sealed class TrainingStepTests(ITestOutputHelper output)
{
    private const int BatchSize = SyntheticAffect.BatchSize;

    [Fact]
    public void Accumulate_ThousandSteps_LiveTensorCountStaysFlat()
    {
        var random = TrainingSeed.Apply(1);
        using var model = SyntheticAffect.Model();
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0.1), new TrainingStepOptions(1000, 100, 1e-4));
        TrainWithoutScope(step, random, 10);
        var afterTen = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var clock = Stopwatch.StartNew();
        TrainWithoutScope(step, random, 990);
        clock.Stop();

        var afterThousand = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        output.WriteLine($"live tensors after 10: {afterTen}, after 1000: {afterThousand}; {990 / clock.Elapsed.TotalSeconds:F0} steps/s");
        Assert.Equal(afterTen, afterThousand);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.0)]
    public void Accumulate_LearnableCueTask_CrossEntropyFalls(double lambda)
    {
        var random = TrainingSeed.Apply(2);
        using var model = SyntheticAffect.Model();
        using var step = new TrainingStep(model, SyntheticAffect.Objective(lambda), new TrainingStepOptions(100, 10, 1e-3));
        var losses = SyntheticAffect.Train(step, random, 100).Select(loss => loss.CrossEntropy).ToArray();

        var first = losses[..10].Average();
        var last = losses[^10..].Average();
        output.WriteLine($"lambda {lambda}: mean CE first 10 {first:F4}, last 10 {last:F4}");
        Assert.True(last < 0.5 * first, $"cross-entropy did not fall enough: {first} -> {last}");
    }

    [Fact]
    public void Accumulate_SameSeedTwice_GivesBitIdenticalLosses()
    {
        Assert.Equal(SeededLosses(3), SeededLosses(3));
    }

    [Fact]
    public void Accumulate_DifferentSeed_GivesDifferentLosses()
    {
        Assert.NotEqual(SeededLosses(3), SeededLosses(4));
    }

    [Fact]
    public void Accumulate_TwoMicroBatches_MatchOneFullBatchGradient()
    {
        using var scope = NewDisposeScope();
        var random = TrainingSeed.Apply(5);
        using var model = SyntheticAffect.Model(dropout: 0);
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0), new TrainingStepOptions(10));
        var batch = SyntheticAffect.Batch(random);

        var full = step.Accumulate(batch, BatchSize);
        var expected = step.Parameters.Select(p => p.grad!.clone()).ToArray();
        model.zero_grad();
        var firstHalf = step.Accumulate(SyntheticAffect.Slice(batch, 0, 4), BatchSize);
        var secondHalf = step.Accumulate(SyntheticAffect.Slice(batch, 4, 8), BatchSize);

        var worst = step.Parameters.Select((p, i) => (p.grad! - expected[i]).abs().max().item<float>()).Max();
        output.WriteLine($"max |grad difference| = {worst:E2}");
        Assert.Equal(full.Total, firstHalf.Total + secondHalf.Total, 1e-6);
        Assert.True(worst <= 1e-6, $"max gradient difference {worst}");
    }

    [Fact]
    public void OptimizerStep_AfterAccumulate_ZeroesGradientsAndAdvancesSchedule()
    {
        using var scope = NewDisposeScope();
        var random = TrainingSeed.Apply(6);
        using var model = SyntheticAffect.Model();
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0.1), new TrainingStepOptions(10, 2, 1e-3));
        step.Accumulate(SyntheticAffect.Batch(random), BatchSize);

        var first = step.OptimizerStep();
        step.Accumulate(SyntheticAffect.Batch(random), BatchSize);
        step.OptimizerStep();
        var third = step.OptimizerStep();

        Assert.Equal((0, 0.0), (first.Step, first.LearningRate));
        Assert.True(first.GradientNorm > 0);
        Assert.Equal((2, 1e-3), (third.Step, third.LearningRate));
        Assert.Equal(0.0, third.GradientNorm);
        Assert.Equal(3, step.Schedule.Step);
    }

    [Fact]
    public void OptimizerStep_ClippingActive_ReportsNormBeforeClipping()
    {
        using var scope = NewDisposeScope();
        var random = TrainingSeed.Apply(8);
        using var model = SyntheticAffect.Model();
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0.1), new TrainingStepOptions(10, MaxGradNorm: 1e-3));
        step.Accumulate(SyntheticAffect.Batch(random), BatchSize);
        var expected = Math.Sqrt(step.Parameters.Sum(p => p.grad!.square().sum().item<float>()));

        var update = step.OptimizerStep();

        Assert.True(update.GradientNorm > 1e-3);
        Assert.Equal(expected, update.GradientNorm, 1e-4);
    }

    [Fact]
    public void Accumulate_WithExchange_PassesDetachedPooledRows()
    {
        using var scope = NewDisposeScope();
        var random = TrainingSeed.Apply(7);
        using var model = SyntheticAffect.Model();
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0.1), new TrainingStepOptions(10));
        long[]? seenShape = null;
        var seenGrad = true;

        step.Accumulate(SyntheticAffect.Batch(random), 2 * BatchSize, local =>
        {
            seenShape = local.shape;
            seenGrad = local.requires_grad;
            return randn(BatchSize, 64);
        });

        Assert.Equal([BatchSize, 64L], seenShape!);
        Assert.False(seenGrad);
    }

    private static double[] SeededLosses(int seed)
    {
        var random = TrainingSeed.Apply(seed);
        using var model = SyntheticAffect.Model();
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0.1), new TrainingStepOptions(10, 2, 1e-3));
        return [.. SyntheticAffect.Train(step, random, 10).Select(loss => loss.Total)];
    }

    /// <summary>No dispose scope around the step: whatever the step itself leaks stays live.</summary>
    private static void TrainWithoutScope(TrainingStep step, Random random, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            var batch = SyntheticAffect.Batch(random);
            step.Accumulate(batch, BatchSize);
            step.OptimizerStep();
            foreach (var tensor in new[] { batch.InputIds, batch.AttentionMask, batch.TokenTypeIds, batch.Labels })
            {
                tensor.Dispose();
            }
        }
    }
}
