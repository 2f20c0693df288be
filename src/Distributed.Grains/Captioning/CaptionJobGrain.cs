using Distributed.Abstractions.Captioning;
using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Distributed.Grains.Captioning;

/// <summary>
/// Plans a dataset into shards, persists the plan and a bitmap of finished shards, and runs shard grains with bounded
/// parallelism. Reentrant, so status and cancel calls are answered while shards run. A shard whose call fails (its
/// silo died) is retried up to <see cref="ShardAttempts"/> times; the store makes the retry cheap.
/// </summary>
[Reentrant]
public sealed partial class CaptionJobGrain(
    [PersistentState("caption-job", "jobs")] IPersistentState<CaptionJobRecord> job,
    ICaptionPlanner planner,
    IOptions<CaptionOptions> options,
    TimeProvider time,
    ILogger<CaptionJobGrain> logger) : Grain, ICaptionJobGrain, IRemindable
{
    private const string KeepRunning = "keep-running";
    private const int ShardAttempts = 3;
    private static readonly TimeSpan PersistInterval = TimeSpan.FromSeconds(2);
    private DateTimeOffset _persistedAt;
    private readonly Dictionary<int, CaptionCounts> _running = [];
    private Task? _loop;
    private bool _cancelRequested;

    private CaptionJobRecord Job => job.State;

    /// <summary>
    /// A running job whose activation was lost (its silo died, its process was killed) continues as soon as it is
    /// activated again, by any call (a client's status poll, <c>--resume</c>).
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Job.State == CaptionJobState.Running)
        {
            EnsureRunning();
        }

        return Task.CompletedTask;
    }

    public async Task<CaptionJobStatus> StartAsync(CaptionJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Job.State != CaptionJobState.NotStarted)
        {
            return Job.Spec == spec ? Status() : throw new InvalidOperationException(
                $"Job '{this.GetPrimaryKeyString()}' already exists with a different spec ({Job.Spec}).");
        }

        Job.Spec = spec;
        Job.StartedAt = time.GetUtcNow();
        return await PlanAndRunAsync(spec);
    }

    /// <summary>Plans (again, from nothing, if a plan was cut short) and starts the shards.</summary>
    private async Task<CaptionJobStatus> PlanAndRunAsync(CaptionJobSpec spec)
    {
        Job.State = CaptionJobState.Planning;
        Job.Shards.Clear();
        Job.PlannedRows = 0;
        await job.WriteStateAsync();
        try
        {
            await foreach (var shard in planner.PlanAsync(spec, CancellationToken.None))
            {
                Job.Shards.Add(shard with { Index = Job.Shards.Count });
                Job.PlannedRows += shard.RowCount;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            return await FinishAsync(CaptionJobState.Failed, $"planning failed: {ex.Message}");
        }

        Job.Done = new byte[(Job.Shards.Count + 7) / 8];
        Job.State = CaptionJobState.Running;
        await job.WriteStateAsync();
        var period = TimeSpan.FromSeconds(options.Value.KeepRunningReminderSeconds);
        await this.RegisterOrUpdateReminder(KeepRunning, period, period);
        EnsureRunning();
        return Status();
    }

    public async Task<CaptionJobStatus> ResumeAsync()
    {
        switch (Job.State)
        {
            case CaptionJobState.NotStarted:
                throw new InvalidOperationException($"Job '{this.GetPrimaryKeyString()}' does not exist.");
            case CaptionJobState.Planning:
                return await PlanAndRunAsync(Job.Spec!);
            case CaptionJobState.Running:
                EnsureRunning();
                break;
        }

        return Status();
    }

    public Task<CaptionJobStatus> GetStatusAsync() => Task.FromResult(Status());

    /// <summary>The keep-running reminder: activating the grain is what continues it (see <see cref="OnActivateAsync"/>).</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Status().IsFinished && await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReportProgressAsync(int shard, CaptionCounts counts)
    {
        if (shard >= 0 && shard < Job.Shards.Count && !Job.IsDone(shard))
        {
            _running[shard] = counts;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RowFailure>> GetFailuresAsync() => Task.FromResult<IReadOnlyList<RowFailure>>([.. Job.Failures]);

    public async Task<CaptionJobStatus> CancelAsync()
    {
        _cancelRequested = true;
        if (_loop is not null)
        {
            await _loop;
        }
        else if (!Status().IsFinished)
        {
            await FinishAsync(CaptionJobState.Cancelled, null);
        }

        return Status();
    }

    private void EnsureRunning() => _loop ??= RunLoopAsync();

    private CaptionJobStatus Status() => new(
        this.GetPrimaryKeyString(), Job.State, Job.Spec, Job.Shards.Count, Job.Done.Length == 0 ? 0 : Job.DoneCount,
        Job.PlannedRows, _running.Values.Aggregate(Job.Counts, (sum, partial) => sum + partial), Job.StartedAt, Job.FinishedAt, Job.Error);

    private async Task<CaptionJobStatus> FinishAsync(CaptionJobState state, string? error)
    {
        Job.State = state;
        Job.Error = error;
        Job.FinishedAt = time.GetUtcNow();
        await job.WriteStateAsync();
        if (await this.GetReminder(KeepRunning) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        LogFinished(logger, Job.State, error);
        return Status();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Caption job finished: {State} {Error}")]
    private static partial void LogFinished(ILogger logger, CaptionJobState state, string? error);
}
