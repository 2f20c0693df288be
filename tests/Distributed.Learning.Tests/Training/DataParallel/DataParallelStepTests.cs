using TorchSharp.Modules;
using Distributed.Learning.Collective;
using Distributed.Learning.Tests.Training.Loop;
using Distributed.Learning.Training;
using Distributed.Learning.Training.DataParallel;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training.DataParallel;

public sealed class DataParallelStepTests(ITestOutputHelper output)
{
    private const int GlobalBatch = 16;
    private const int Steps = 3;
    private const double MaxGradNorm = 0.5;

    /// <summary>
    /// AdamW's first steps move each weight by about lr * g / (|g| + eps) whatever |g| is, so with the default 1e-8 a
    /// gradient element at float-rounding level (~1e-10, where the order of summation decides the sign) moves by up to
    /// lr in either direction. 1e-6 keeps such elements still; every element with a real gradient moves as before.
    /// </summary>
    private const double AdamEpsilon = 1e-6;

    [Fact]
    public void RunAsync_OneToFourRanks_ParametersMatchOneRankAfterEveryStep()
    {
        var single = Train(worldSize: 1, rows: Steps * GlobalBatch, microBatchRows: null);
        Assert.True(single.FirstGradientNorm > MaxGradNorm, $"clipping inactive: norm {single.FirstGradientNorm}");
        for (var worldSize = 2; worldSize <= 4; worldSize++)
        {
            AssertMatches(single, Train(worldSize, Steps * GlobalBatch, microBatchRows: null), worldSize);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void RunAsync_RingAllReduceInSmallBuckets_ParametersMatchOneRank(int worldSize)
    {
        // The real collectives instead of the stand-ins: the pooled all-gather and the gradient all-reduce (4 KB buckets)
        // share one in-process ring, as they share one socket ring in a cluster.
        AssertMatches(Train(1, Steps * GlobalBatch, null), Train(worldSize, Steps * GlobalBatch, null, ring: true), worldSize);
    }

    [Theory]
    [InlineData(3, 2)] // micro-batches of 2 rows: the no-grad pre-pass feeds the uniformity term
    [InlineData(4, 1)]
    public void RunAsync_MicroBatches_ParametersMatchOneRank(int worldSize, int microBatchRows)
    {
        AssertMatches(Train(1, Steps * GlobalBatch, null), Train(worldSize, Steps * GlobalBatch, microBatchRows), worldSize);
    }

    [Fact]
    public void RunAsync_LastGlobalBatchSmallerThanWorld_EmptyRanksTakePartAndMatchOneRank()
    {
        // 34 rows: global batches of 16, 16 and 2; with W = 4 ranks 2 and 3 have no rows in the last step.
        AssertMatches(Train(1, 34, null), Train(4, 34, null), 4);
    }

    [Fact]
    public async Task RunAsync_OneRank_BitIdenticalToPlainTrainingStepOnEpochSamplerBatches()
    {
        var data = SyntheticData.Create(5, 20);
        TrainingSeed.Apply(9);
        using var plainModel = SyntheticAffect.Model(dropout: 0);
        using var parallelModel = SyntheticAffect.Model(dropout: 0);
        parallelModel.load_state_dict(plainModel.state_dict());
        var options = new TrainingStepOptions(3, LearningRate: 1e-3, MaxGradNorm: MaxGradNorm);
        using var plain = new TrainingStep(plainModel, SyntheticAffect.Objective(0.5), options);
        using var step = new TrainingStep(parallelModel, SyntheticAffect.Objective(0.5), options);
        using var exchange = new InProcessPooledExchange(1);
        var parallel = new DataParallelStep(step, data, exchange.ForRank(0), (_, _) => Task.CompletedTask);

        foreach (var rows in new EpochSampler(data.Count, 8, 2).RemainingBatches())
        {
            using var scope = NewDisposeScope();
            plain.Accumulate(data.Batch(rows), rows.Length);
            plain.OptimizerStep();
        }

        foreach (var batch in new DistributedSampler(data.Count, 8, 1, 0, 2).RemainingBatches())
        {
            await parallel.RunAsync(batch);
        }

        Assert.Equal(Flatten(plain), Flatten(step));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(3)]
    public void RunAsync_ManySteps_LiveTensorCountStaysFlat(int? microBatchRows)
    {
        var data = SyntheticData.Create(4, 40);
        using var model = SyntheticAffect.Model(dropout: 0);
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0.5), new TrainingStepOptions(100));
        using var exchange = new InProcessPooledExchange(1);
        var parallel = new DataParallelStep(step, data, exchange.ForRank(0), (_, _) => Task.CompletedTask, microBatchRows);
        var sampler = new DistributedSampler(data.Count, 8, 1, 0, 1);
        void Epoch()
        {
            foreach (var batch in sampler.RemainingBatches())
            {
                parallel.RunAsync(batch).GetAwaiter().GetResult();
            }
        }

        Epoch();
        var afterOne = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Epoch();
        Epoch();

        Assert.Equal(afterOne, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Ctor_UniformityWithoutExchange_Throws()
    {
        using var model = SyntheticAffect.Model(dropout: 0);
        using var step = new TrainingStep(model, SyntheticAffect.Objective(0.1), new TrainingStepOptions(3));

        Assert.Throws<ArgumentException>(() =>
            new DataParallelStep(step, SyntheticData.Create(1, 4), null, (_, _) => Task.CompletedTask));
    }

    private void AssertMatches(Run expected, Run actual, int worldSize)
    {
        Assert.Equal(expected.Gradients.Count, actual.Gradients.Count);
        for (var s = 0; s < expected.Gradients.Count; s++)
        {
            // The reduced gradient itself (scale included, which AdamW's update would hide) equals W = 1's.
            var scale = expected.Gradients[s].Max(Math.Abs);
            var gradientError = expected.Gradients[s].Zip(actual.Gradients[s], (a, b) => Math.Abs(a - b)).Max() / scale;
            output.WriteLine($"W = {worldSize}, step {s}: max |reduced gradient difference| / max |gradient| = {gradientError:E2}");
            Assert.True(gradientError <= 1e-4, $"W = {worldSize}, step {s}: relative gradient difference {gradientError}");
        }

        for (var s = 0; s < expected.Parameters.Count; s++)
        {
            for (var r = 1; r < worldSize; r++)
            {
                Assert.Equal(actual.Parameters[s][0], actual.Parameters[s][r]);
            }

            var differences = expected.Parameters[s][0].Zip(actual.Parameters[s][0], (a, b) => Math.Abs(a - b)).ToArray();
            var worst = differences.Max();
            var at = Array.IndexOf(differences, worst);
            var moved = s == 0 ? double.NaN : expected.Parameters[s][0].Zip(expected.Parameters[s - 1][0], (a, b) => Math.Abs(a - b)).Max();
            var gradientThere = s == 0 ? double.NaN : expected.Gradients[s - 1][at];
            output.WriteLine($"W = {worldSize}, after step {s}: max |param difference vs W = 1| = {worst:E2} " +
                $"(max move {moved:E2}; gradient at the worst element {gradientThere:E2})");
            Assert.True(worst <= 1e-5, $"W = {worldSize}, step {s}: max parameter difference {worst}");
        }
    }

    /// <summary>Trains W replicas on W threads for one epoch; Parameters[step][rank] is the flat parameter vector after the step (step 0 = initial).</summary>
    private static Run Train(int worldSize, int rows, int? microBatchRows, bool ring = false)
    {
        var data = SyntheticData.Create(21, rows);
        TrainingSeed.Apply(7);
        using var reference = SyntheticAffect.Model(dropout: 0);
        var batches = new DistributedSampler(rows, GlobalBatch, 1, 0, 3).BatchesPerEpoch;
        var snapshots = Enumerable.Range(0, batches + 1).Select(_ => new float[worldSize][]).ToArray();
        var norms = new double[worldSize];
        using var exchange = new InProcessPooledExchange(worldSize, TimeSpan.FromMinutes(2));
        using var allReduce = new SummingAllReduce(worldSize);
        var transports = InProcessRing.Create(worldSize);
        var ringReduced = new List<float[]>();
        Func<IReadOnlyList<Parameter>, CancellationToken, Task> RingFor(int rank) => async (parameters, ct) =>
        {
            await GradientBuckets.AllReduceGradientsAsync(parameters, new RingAllReduce(transports[rank]), 4096, ct);
            if (rank == 0)
            {
                ringReduced.Add([.. parameters.SelectMany(p => p.grad!.data<float>().ToArray())]);
            }
        };
        var failures = new Exception?[worldSize];
        var threads = Enumerable.Range(0, worldSize).Select(rank =>
        {
            var replica = SyntheticAffect.Model(dropout: 0);
            replica.load_state_dict(reference.state_dict());
            return new Thread(() =>
            {
                try
                {
                    using var model = replica;
                    using var step = new TrainingStep(model, SyntheticAffect.Objective(0.5),
                        new TrainingStepOptions(batches, LearningRate: 1e-3, MaxGradNorm: MaxGradNorm, Epsilon: AdamEpsilon));
                    var pooled = ring ? new RingPooledExchange(new RingAllReduce(transports[rank])) : exchange.ForRank(rank);
                    var parallel = new DataParallelStep(step, data, pooled, ring ? RingFor(rank) : allReduce.ForRank(rank), microBatchRows);
                    var sampler = new DistributedSampler(rows, GlobalBatch, worldSize, rank, 3);
                    snapshots[0][rank] = Flatten(step);
                    var s = 0;
                    foreach (var batch in sampler.RemainingBatches())
                    {
                        var update = parallel.RunAsync(batch).GetAwaiter().GetResult();
                        norms[rank] = s == 0 ? update.Update.GradientNorm : norms[rank];
                        snapshots[++s][rank] = Flatten(step);
                    }
                }
                catch (Exception e)
                {
                    failures[rank] = e;
                }
            });
        }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(failures, Assert.Null);
        return new Run(snapshots, ring ? ringReduced : allReduce.Reduced, norms[0]);
    }

    private static float[] Flatten(TrainingStep step) => [.. step.Parameters.SelectMany(p => p.data<float>().ToArray())];

    private sealed record Run(IReadOnlyList<float[][]> Parameters, IReadOnlyList<float[]> Gradients, double FirstGradientNorm);
}
