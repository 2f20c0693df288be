using Distributed.Abstractions.Captioning;
using Distributed.Grains.Cluster;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Distributed.Grains.Captioning;

public sealed partial class CaptionJobGrain
{
    private async Task RunLoopAsync()
    {
        var spec = Job.Spec!;
        using var keepAlive = this.RegisterGrainTimer(
            () => Task.CompletedTask,
            new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true, Interleave = true });
        var pending = new Queue<int>(Enumerable.Range(0, Job.Shards.Count).Where(i => !Job.IsDone(i)));
        var attempts = new int[Job.Shards.Count];
        var running = new Dictionary<Task<ShardResult>, int>();
        try
        {
            while ((pending.Count > 0 && !_cancelRequested) || running.Count > 0)
            {
                while (running.Count < spec.MaxParallelShards && !_cancelRequested && pending.TryDequeue(out var next))
                {
                    var describers = await ClusterInventory.ListDescribersAsync(GrainFactory, spec.Describer);
                    if (describers.Count == 0)
                    {
                        throw new InvalidOperationException($"no silo serves a describer endpoint named '{spec.Describer}'");
                    }

                    attempts[next]++;
                    var shard = GrainFactory.GetGrain<IShardGrain>($"{this.GetPrimaryKeyString()}/{next}");
                    running.Add(shard.RunAsync(Job.Shards[next], spec, describers), next);
                }

                var finished = await Task.WhenAny(running.Keys);
                var index = running[finished];
                running.Remove(finished);
                _running.Remove(index);
                try
                {
                    Record(index, await finished);
                    await PersistProgressAsync();
                }
                catch (Exception ex) when (ex is not InconsistentStateException && attempts[index] < ShardAttempts)
                {
                    LogShardRetry(logger, this.GetPrimaryKeyString(), index, attempts[index], ex.Message);
                    pending.Enqueue(index);
                }
            }

            await FinishAsync(_cancelRequested ? CaptionJobState.Cancelled : CaptionJobState.Completed, null);
        }
        catch (Exception ex)
        {
            await Task.WhenAll(running.Keys.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Current)));
            await FinishAsync(CaptionJobState.Failed, ex.Message);
        }
        finally
        {
            _loop = null;
        }
    }

    /// <summary>
    /// Writes the bitmap and counters at most every <see cref="PersistInterval"/>: the plan can hold thousands of
    /// shards, and a shard finished but not yet persisted is simply run again after a crash (its keys are then cached).
    /// </summary>
    private async Task PersistProgressAsync()
    {
        if (time.GetUtcNow() - _persistedAt >= PersistInterval)
        {
            await job.WriteStateAsync();
            _persistedAt = time.GetUtcNow();
        }
    }

    private void Record(int index, ShardResult result)
    {
        if (Job.IsDone(index))
        {
            return;
        }

        Job.MarkDone(index);
        Job.Counts += result.Counts;
        Job.Failures.AddRange(result.Failures);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Caption job {Job}: shard {Shard} attempt {Attempt} failed, will retry: {Error}")]
    private static partial void LogShardRetry(ILogger logger, string job, int shard, int attempt, string error);
}
