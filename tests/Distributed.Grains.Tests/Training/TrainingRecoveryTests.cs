using Distributed.Abstractions.Training;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Distributed.Grains.Tests.Training;

/// <summary>
/// A trainer's silo is killed mid-job (no graceful shutdown). The coordinator, on the first silo (which the test
/// cluster keeps), rebuilds the ring from the last checkpoint: on a replacement silo when one joins in time — and then
/// finishes with exactly the parameters of an uninterrupted run — or else with one trainer fewer.
/// </summary>
public sealed class TrainingRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int GlobalBatch = 16;
    private readonly string _root = Directory.CreateTempSubdirectory("distributed-recovery-").FullName;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new InProcessTestClusterBuilder(2)
            .ConfigureSilo((_, silo) =>
            {
                silo.AddDistributedGrains();
                silo.Services.Configure<DataRootOptions>(o => o.Root = _root);
                silo.Services.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.NumMissedProbesLimit = 2;
                    o.NumVotesForDeathDeclaration = 1;
                    o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                });
            })
            .Build();
        await _cluster.DeployAsync();
    }

    [Fact]
    public async Task Job_TrainerSiloKilledAndReplaced_ResumesFromLastCheckpointAndEndsWithTheUninterruptedParameters()
    {
        var corpus = TrainingJobs.WriteCorpus(_root, trainRows: 4 * GlobalBatch, devRows: 8);
        var reference = await StartOnFirstSiloAsync(corpus, "reference");
        var expected = await TrainingJobs.WaitAsync(reference.Job, TimeSpan.FromMinutes(3));
        Assert.True(expected.State == TrainingJobState.Completed, $"{expected.State}: {expected.Error}");

        var (job, spec) = await StartOnFirstSiloAsync(corpus, "interrupted");
        var (killedAt, checkpointBefore) = await KillATrainerSiloAsync(job, afterStep: 5);
        await _cluster.StartAdditionalSiloAsync();
        var status = await TrainingJobs.WaitAsync(job, TimeSpan.FromMinutes(3));

        Log(status, killedAt);
        Assert.True(status.State == TrainingJobState.Completed, $"{status.State}: {status.Error}");
        Assert.Equal(1, status.Restarts);
        Assert.True(status.ResumedFromStep >= checkpointBefore && status.ResumedFromStep > 0, $"resumed from {status.ResumedFromStep}, checkpoint {checkpointBefore}");
        Assert.Equal(0, status.ResumedFromStep % spec.CheckpointEverySteps);
        Assert.Equal(2, status.WorldSize);
        Assert.Equal(expected.Step, status.Step);
        var difference = TrainingJobs.MaxAbsDifference(TrainingJobs.ModelWeights(reference.Spec.RunFolder), TrainingJobs.ModelWeights(spec.RunFolder));
        output.WriteLine($"max |param difference vs uninterrupted run| = {difference:E2}");
        Assert.True(difference <= 1e-5, $"{difference}");
        Assert.Equal(expected.Test, status.Test);
    }

    [Fact]
    public async Task Job_TrainerSiloKilledAndNotReplaced_FinishesWithOneTrainerFewerAndSaysSo()
    {
        var corpus = TrainingJobs.WriteCorpus(_root, trainRows: 4 * GlobalBatch, devRows: 8);
        var (job, spec) = await StartOnFirstSiloAsync(corpus, "shrunk", replacementWaitSeconds: 2);
        var (killedAt, checkpointBefore) = await KillATrainerSiloAsync(job, afterStep: 5);
        var status = await TrainingJobs.WaitAsync(job, TimeSpan.FromMinutes(3));

        Log(status, killedAt);
        Assert.True(status.State == TrainingJobState.Completed, $"{status.State}: {status.Error}");
        Assert.Equal(1, status.WorldSize);
        Assert.Equal(1, status.LastStep!.WorldSize);
        Assert.Equal(GlobalBatch, status.LastStep.GlobalRows);
        Assert.True(status.ResumedFromStep >= checkpointBefore && status.ResumedFromStep > 0);
        Assert.Equal(status.TotalSteps, status.Step);
        Assert.Contains(status.Events, e => e.Contains("continuing with W = 1 instead of 2", StringComparison.Ordinal));
    }

    private async Task<(ITrainingJobGrain Job, TrainingJobSpec Spec)> StartOnFirstSiloAsync(string corpus, string name, double replacementWaitSeconds = 60)
    {
        var primary = _cluster.Silos[0].SiloAddress.ToParsableString();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var id = $"{name}-{Guid.NewGuid():N}";
            var job = _cluster.Client.GetGrain<ITrainingJobGrain>(id);
            if ((await job.GetStatusAsync()).CoordinatorSilo != primary)
            {
                continue;
            }

            // 4 steps per epoch, 5 epochs; checkpoints every 2 steps; W = 2, one trainer per silo.
            var spec = TrainingJobs.Spec(_root, corpus, id, TrainingJobs.Settings(epochs: 5, GlobalBatch), worldSize: 2, trainersPerSilo: 1)
                with { CheckpointEverySteps = 2, ReplacementWaitSeconds = replacementWaitSeconds };
            await job.StartAsync(spec);
            return (job, spec);
        }

        throw new InvalidOperationException("no job landed on the first silo");
    }

    /// <summary>Kills the silo of the trainer that does not share the coordinator's silo, once the job is past <paramref name="afterStep"/>.</summary>
    private async Task<(int Step, int Checkpoint)> KillATrainerSiloAsync(ITrainingJobGrain job, int afterStep)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var status = await job.GetStatusAsync();
        while (status.Step < afterStep)
        {
            Assert.False(status.IsFinished, $"the job finished before step {afterStep}: {status.State} {status.Error}");
            await Task.Delay(10, timeout.Token);
            status = await job.GetStatusAsync();
        }

        var victim = _cluster.Silos.Single(s => s.SiloAddress != _cluster.Silos[0].SiloAddress && status.TrainerSilos.Contains(s.SiloAddress.ToParsableString()));
        await _cluster.KillSiloAsync(victim);
        return (status.Step, status.LastCheckpointStep ?? 0);
    }

    private void Log(TrainingJobStatus status, int killedAt)
    {
        output.WriteLine($"killed at step {killedAt}; state {status.State}, restarts {status.Restarts}, resumed from {status.ResumedFromStep}, W {status.WorldSize}");
        foreach (var line in status.Events)
        {
            output.WriteLine(line);
        }
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
