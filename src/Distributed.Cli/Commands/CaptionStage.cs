using System.Text.Json;
using Distributed.Abstractions.Captioning;
using Distributed.Cli.Output;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Distributed.Storage.Descriptions;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>
/// The "caption" stage: start (or resume) a caption job on the cluster, follow it with a progress bar, write the
/// failures file, and put the job's numbers in the summary.
/// </summary>
public static class CaptionStage
{
    public const string Name = "caption";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static string DefaultStore(IConfiguration configuration) =>
        Path.Combine(configuration.ReadSection<DataRootOptions>().FullRoot, "store");

    /// <summary>Opens a store with the <c>Store</c> settings (e.g. the connection string for <c>az://</c>).</summary>
    public static DescriptionStore OpenStore(IConfiguration configuration, string location) =>
        DescriptionStore.Open(location, configuration.GetSection(SiloHosting.StoreSectionName).Get<DescriptionStoreOptions>());

    public static string NewJobId(TimeProvider time) =>
        $"caption-{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<CaptionJobStatus?> RunAsync(
        CommandSummary summary, Reporter reporter, IConfiguration configuration, IClusterClient client,
        string jobId, CaptionJobSpec? spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reporter);
        CaptionJobStatus? final = null;
        await summary.RunStageAsync(Name, async () =>
        {
            var job = client.GetGrain<ICaptionJobGrain>(jobId);
            var started = spec is null ? await job.ResumeAsync() : await job.StartAsync(spec);
            reporter.Info($"caption job {jobId}: {started.Shards} shard(s), {started.PlannedRows} row(s) (resume with --resume {jobId})");
            final = await FollowAsync(job, started, reporter, ct);
            var failuresFile = await WriteFailuresAsync(configuration, jobId, await job.GetFailuresAsync());
            Report(summary, final, failuresFile);
            if (final.State is not CaptionJobState.Completed)
            {
                throw new InvalidOperationException($"caption job {jobId} ended {final.State.ToString().ToLowerInvariant()}: {final.Error}");
            }

            return $"{final.Counts.Described} described, {final.Counts.Cached} cached, {final.Counts.Failed} failed, " +
                   $"{final.Counts.Transient} transient, {final.Counts.TextOnly} text-only";
        });
        return final;
    }

    private static async Task<CaptionJobStatus> FollowAsync(ICaptionJobGrain job, CaptionJobStatus status, Reporter reporter, CancellationToken ct)
    {
        if (status.IsFinished)
        {
            return status;
        }

        return await reporter.WithProgressAsync("caption", (int)Math.Max(1, status.PlannedRows), async update =>
        {
            while (!status.IsFinished)
            {
                await Task.Delay(PollInterval, ct);
                status = await job.GetStatusAsync();
                var c = status.Counts;
                update((int)c.Rows, $"caption: {c.Described} described, {c.Cached} cached, {c.Failed + c.Transient} failed, " +
                                    $"{Math.Max(0, status.PlannedRows - c.Rows)} left");
            }

            return status;
        });
    }

    private static async Task<string?> WriteFailuresAsync(IConfiguration configuration, string jobId, IReadOnlyList<RowFailure> failures)
    {
        if (failures.Count == 0)
        {
            return null;
        }

        var folder = Path.Combine(configuration.ReadSection<DataRootOptions>().FullRoot, "jobs", jobId);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "failures.jsonl");
        await File.WriteAllLinesAsync(path, failures.Select(f => JsonSerializer.Serialize(f, CommandSummary.Json)));
        return path;
    }

    private static void Report(CommandSummary summary, CaptionJobStatus status, string? failuresFile)
    {
        var counts = status.Counts;
        summary.FailedRows += counts.Failed + counts.Transient;
        summary.Set("job", status.JobId);
        summary.Set("rows", counts.Rows);
        summary.Set("described", counts.Described);
        summary.Set("cached", counts.Cached);
        summary.Set("failed", counts.Failed);
        summary.Set("transient", counts.Transient);
        summary.Set("text_only", counts.TextOnly);
        summary.Set("describer_calls", counts.DescriberCalls);
        summary.Set("seconds", status.FinishedAt is { } end && status.StartedAt is { } start ? Math.Round((end - start).TotalSeconds, 3) : null);
        summary.Set("store", status.Spec?.Store);
        summary.Set("describer", status.Spec?.Describer);
        summary.Set("failures_file", failuresFile);
    }
}
