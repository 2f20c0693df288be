using Distributed.Abstractions.Training;
using Xunit.Abstractions;

namespace Distributed.Grains.Tests.Training;

/// <summary>
/// Data-parallel training on the in-process cluster of two silos: W trainers placed at most 1 or 2 per silo, joined by
/// the socket data plane, produce after every step the parameters one trainer produces on the whole global batch.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TrainingJobGrainTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int GlobalBatch = 16;
    private const int Steps = 3;

    [Fact]
    public async Task Job_OneToFourTrainersOneOrTwoPerSilo_ParametersMatchOneTrainerAfterEveryStep()
    {
        var root = Path.Combine(fixture.DataRoot, $"equivalence-{Guid.NewGuid():N}");
        var corpus = TrainingJobs.WriteCorpus(root, trainRows: GlobalBatch, devRows: 4);
        var reference = await RunAsync(root, corpus, worldSize: 1, trainersPerSilo: 1);
        foreach (var (worldSize, perSilo) in new[] { (2, 1), (2, 2), (3, 2), (4, 2) })
        {
            var run = await RunAsync(root, corpus, worldSize, perSilo);
            Assert.Equal(worldSize, run.Status.WorldSize);
            Assert.Equal(perSilo == 1 ? 2 : (worldSize + 1) / 2, run.Status.TrainerSilos.Distinct().Count());
            Assert.Equal(worldSize, run.Status.LastStep!.RankSamplesPerSecond.Count);
            Assert.True(run.Status.AllReduceSeconds > 0);
            for (var step = 1; step <= Steps; step++)
            {
                var difference = TrainingJobs.MaxAbsDifference(reference.Weights[step - 1], run.Weights[step - 1]);
                output.WriteLine($"W = {worldSize} ({perSilo} per silo), step {step}: max |param difference vs W = 1| = {difference:E2}");
                Assert.True(difference <= 1e-5, $"W = {worldSize}, {perSilo} per silo, step {step}: {difference}");
                if (step > 1)
                {
                    var moved = TrainingJobs.MaxAbsDifference(reference.Weights[step - 1], reference.Weights[step - 2]);
                    Assert.True(moved > 1e-4, $"step {step}: the parameters did not move ({moved})");
                }
            }
        }
    }

    [Fact]
    public async Task Start_WorldLargerThanTheClusterSlots_FailsNamingTheSlots()
    {
        var root = Path.Combine(fixture.DataRoot, $"slots-{Guid.NewGuid():N}");
        var corpus = TrainingJobs.WriteCorpus(root, trainRows: GlobalBatch, devRows: 4);
        var job = fixture.Cluster.Client.GetGrain<ITrainingJobGrain>($"slots-{Guid.NewGuid():N}");
        var spec = TrainingJobs.Spec(root, corpus, "slots", TrainingJobs.Settings(1, GlobalBatch), worldSize: 3, trainersPerSilo: 1)
            with { ReplacementWaitSeconds = 0 };

        await job.StartAsync(spec);
        var status = await TrainingJobs.WaitAsync(job, TimeSpan.FromMinutes(1));

        Assert.Equal(TrainingJobState.Failed, status.State);
        Assert.Contains("--world-size 3 needs 3 trainer slot(s); the cluster has 2", status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CorpusFileMissing_FailsNamingItWithoutRetrying()
    {
        var root = Path.Combine(fixture.DataRoot, $"missing-{Guid.NewGuid():N}");
        var job = fixture.Cluster.Client.GetGrain<ITrainingJobGrain>($"missing-{Guid.NewGuid():N}");
        var corpus = Path.Combine(root, "nowhere.json");

        await job.StartAsync(TrainingJobs.Spec(root, corpus, "missing", TrainingJobs.Settings(1, GlobalBatch), 2, 1));
        var status = await TrainingJobs.WaitAsync(job, TimeSpan.FromMinutes(1));

        Assert.Equal(TrainingJobState.Failed, status.State);
        Assert.Contains(corpus, status.Error, StringComparison.Ordinal);
        Assert.Equal(0, status.Restarts);
    }

    [Fact]
    public async Task Start_InvalidSettings_ThrowsNamingTheOption()
    {
        var job = fixture.Cluster.Client.GetGrain<ITrainingJobGrain>($"invalid-{Guid.NewGuid():N}");
        var spec = TrainingJobs.Spec(fixture.DataRoot, "corpus.json", "invalid", TrainingJobs.Settings(1, GlobalBatch) with { BatchSize = 0 }, 2, 1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => job.StartAsync(spec));

        Assert.Contains("--batch-size = 0", error.Message, StringComparison.Ordinal);
    }

    private async Task<(TrainingJobStatus Status, float[][] Weights)> RunAsync(string root, string corpus, int worldSize, int trainersPerSilo)
    {
        var id = $"equivalence-w{worldSize}-s{trainersPerSilo}-{Guid.NewGuid():N}";
        var job = fixture.Cluster.Client.GetGrain<ITrainingJobGrain>(id);
        // One step per epoch (16 rows, global batch 16): every step is the same fixed global batch, in a new order.
        var spec = TrainingJobs.Spec(root, corpus, id, TrainingJobs.Settings(epochs: Steps, GlobalBatch), worldSize, trainersPerSilo)
            with { CheckpointEverySteps = 1 };

        await job.StartAsync(spec);
        var status = await TrainingJobs.WaitAsync(job, TimeSpan.FromMinutes(3));

        Assert.True(status.State == TrainingJobState.Completed, $"W = {worldSize}: {status.State} {status.Error}");
        Assert.Equal(Steps, status.Step);
        var weights = Enumerable.Range(1, Steps).Select(step => TrainingJobs.CheckpointWeights(root, id, step)).ToArray();
        return (status, weights);
    }
}
