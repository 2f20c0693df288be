using Distributed.Abstractions.Captioning;
using Distributed.Data.Samples;
using Distributed.Grains.Captioning;
using Distributed.Hosting.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Distributed.Storage.Descriptions;

namespace Distributed.Grains.Tests;

/// <summary>Caption jobs end to end on the two-silo cluster with the real embedded describer and a local store.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaptionJobGrainTests(ClusterFixture fixture)
{
    private async Task<CaptionJobStatus> RunJobAsync(CaptionJobSpec spec, ICaptionJobGrain? job = null)
    {
        job ??= fixture.Cluster.Client.GetGrain<ICaptionJobGrain>($"test-{Guid.NewGuid():N}");
        var status = await job.StartAsync(spec);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!status.IsFinished)
        {
            await Task.Delay(100, timeout.Token);
            status = await job.GetStatusAsync();
        }

        return status;
    }

    private async Task<(string Manifest, string Store)> SampleAsync(int count)
    {
        var folder = Path.Combine(fixture.DataRoot, $"sample-{Guid.NewGuid():N}");
        var dataset = await SampleDataset.GenerateAsync(folder, new SampleDatasetOptions { Count = count });
        return (dataset.ManifestPath, Path.Combine(folder, "store"));
    }

    [SkippableFact]
    public async Task Start_SampleDataset_DescribesEveryImageIntoTheStore()
    {
        Requirements.Tesseract();
        var (manifest, store) = await SampleAsync(24);

        var status = await RunJobAsync(new CaptionJobSpec(manifest, store, ShardRows: 10, MaxParallelShards: 2));

        Assert.Equal(CaptionJobState.Completed, status.State);
        Assert.Equal(3, status.Shards);
        Assert.Equal(24, status.Counts.Rows);
        Assert.Equal(24, status.Counts.Described + status.Counts.Cached);
        Assert.Equal(0, status.Counts.Failed + status.Counts.Transient);
        Assert.Equal(status.Counts.Described, status.Counts.DescriberCalls);
        using var opened = DescriptionStore.Open(store);
        var stats = await opened.StatsAsync();
        Assert.Equal(status.Counts.Described, stats.UniqueKeys);
    }

    [SkippableFact]
    public async Task Start_SecondJobOverSameDataset_MakesZeroDescriberCalls()
    {
        Requirements.Tesseract();
        var (manifest, store) = await SampleAsync(12);
        await RunJobAsync(new CaptionJobSpec(manifest, store, ShardRows: 5));

        var again = await RunJobAsync(new CaptionJobSpec(manifest, store, ShardRows: 5));

        Assert.Equal(CaptionJobState.Completed, again.State);
        Assert.Equal(0, again.Counts.DescriberCalls);
        Assert.Equal(12, again.Counts.Cached);
    }

    [SkippableFact]
    public async Task Start_BadInputs_EachFailsWithItsReasonAndTheRestIsDescribed()
    {
        Requirements.Tesseract();
        var folder = Path.Combine(fixture.DataRoot, $"bad-{Guid.NewGuid():N}");
        var manifest = await BadInputDataset.WriteAsync(folder);
        var store = Path.Combine(folder, "store");
        var job = fixture.Cluster.Client.GetGrain<ICaptionJobGrain>($"test-{Guid.NewGuid():N}");
        using var metrics = new MetricCapture(CaptionInstruments.MeterName);

        var status = await RunJobAsync(new CaptionJobSpec(manifest, store, ShardRows: 4), job);
        var failures = await job.GetFailuresAsync();

        Assert.Equal(CaptionJobState.Completed, status.State);
        Assert.Equal(11, status.Counts.Rows);
        Assert.Equal(2, status.Counts.Described);
        Assert.Equal(1, status.Counts.TextOnly);
        Assert.Equal(8, status.Counts.Failed);
        Assert.Equal(0, status.Counts.Transient);
        Assert.Equal(2, status.Counts.DescriberCalls);
        foreach (var (id, reason) in BadInputDataset.ExpectedReasons)
        {
            var failure = Assert.Single(failures, f => f.RowId == id);
            Assert.Equal(reason, failure.Reason);
            Assert.True(failure.Permanent, $"{id}: {failure.Message}");
        }

        var malformed = Assert.Single(failures, f => f.RowId is null);
        Assert.Equal("malformed_row", malformed.Reason);
        Assert.Contains("line 5", malformed.Message, StringComparison.Ordinal);
        Assert.Equal(2, metrics.Sum("distributed.caption.described"));
        Assert.Equal(1, metrics.Sum("distributed.caption.failures", ("reason", "missing_file")));
        Assert.Equal(2, metrics.Count("distributed.describer.latency"));
        using var opened = DescriptionStore.Open(store);
        var stats = await opened.StatsAsync();
        Assert.Equal(2, stats.UniqueKeys - stats.Errors);
        Assert.Equal(3, stats.Errors);
    }

    [SkippableFact]
    public async Task Start_AgainAfterPermanentErrors_ErrorsCountAsDoneUnlessRetryFailed()
    {
        Requirements.Tesseract();
        var folder = Path.Combine(fixture.DataRoot, $"again-{Guid.NewGuid():N}");
        var manifest = await BadInputDataset.WriteAsync(folder);
        var store = Path.Combine(folder, "store");
        await RunJobAsync(new CaptionJobSpec(manifest, store));

        var again = await RunJobAsync(new CaptionJobSpec(manifest, store));
        var retried = await RunJobAsync(new CaptionJobSpec(manifest, store, RetryFailed: true));

        // Stored error records (truncated, bomb, not-an-image) are done; rows without an image key fail again.
        Assert.Equal((5L, 5L, 0L), (again.Counts.Cached, again.Counts.Failed, again.Counts.DescriberCalls));
        Assert.Equal((2L, 8L, 0L), (retried.Counts.Cached, retried.Counts.Failed, retried.Counts.DescriberCalls));
    }

    [SkippableFact]
    public async Task Start_TwoOverlappingJobsOnOneStoreAtOnce_KeySetIsTheUnion()
    {
        Requirements.Tesseract();
        var (manifest, store) = await SampleAsync(30);
        var lines = await File.ReadAllLinesAsync(manifest);
        var first = Path.Combine(Path.GetDirectoryName(manifest)!, "first.jsonl");
        var second = Path.Combine(Path.GetDirectoryName(manifest)!, "second.jsonl");
        await File.WriteAllLinesAsync(first, lines[..20]);
        await File.WriteAllLinesAsync(second, lines[10..]);

        var jobs = await Task.WhenAll(
            RunJobAsync(new CaptionJobSpec(first, store, ShardRows: 5)),
            RunJobAsync(new CaptionJobSpec(second, store, ShardRows: 5)));

        Assert.All(jobs, j => Assert.Equal(CaptionJobState.Completed, j.State));
        using var opened = DescriptionStore.Open(store);
        var stats = await opened.StatsAsync();
        Assert.Equal(30, stats.UniqueKeys);
        Assert.InRange(stats.Rows, 30, 30 + 10);
        Assert.Equal(stats.Rows, jobs.Sum(j => j.Counts.Described));
    }

    [SkippableFact]
    public async Task GetStatus_DuringAShard_ShowsTheShardsCountsSoFar()
    {
        Requirements.Tesseract();
        var (manifest, store) = await SampleAsync(60);
        var job = fixture.Cluster.Client.GetGrain<ICaptionJobGrain>($"test-{Guid.NewGuid():N}");
        var status = await job.StartAsync(new CaptionJobSpec(manifest, store));
        var sawPartial = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!status.IsFinished)
        {
            await Task.Delay(50, timeout.Token);
            status = await job.GetStatusAsync();
            sawPartial |= status.ShardsDone == 0 && status.Counts.Rows is > 0 and < 60;
        }

        Assert.Equal(1, status.Shards);
        Assert.True(sawPartial, "no status showed the running shard's counts before it finished");
        Assert.Equal(60, status.Counts.Rows);
    }

    [SkippableFact]
    public async Task Resume_JobCutShortWhilePlanning_PlansAgainAndCompletes()
    {
        Requirements.Tesseract();
        var (manifest, store) = await SampleAsync(12);
        var job = fixture.Cluster.Client.GetGrain<ICaptionJobGrain>($"test-{Guid.NewGuid():N}");
        var silo = fixture.Cluster.Silos[0].ServiceProvider;
        var storage = new FileGrainStorage(Path.Combine(fixture.DataRoot, "jobs"), silo.GetRequiredService<Serializer>());
        var record = new CaptionJobRecord { Spec = new CaptionJobSpec(manifest, store, ShardRows: 5), State = CaptionJobState.Planning };
        await storage.WriteStateAsync("caption-job", job.GetGrainId(), new GrainState<CaptionJobRecord>(record));

        var status = await job.ResumeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!status.IsFinished)
        {
            await Task.Delay(100, timeout.Token);
            status = await job.GetStatusAsync();
        }

        Assert.Equal((CaptionJobState.Completed, 3, 12L), (status.State, status.Shards, status.Counts.Rows));
    }
}
