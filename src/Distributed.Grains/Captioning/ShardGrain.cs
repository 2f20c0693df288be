using Distributed.Abstractions.Captioning;

namespace Distributed.Grains.Captioning;

/// <summary>
/// Runs one shard (key <c>{job}/{shard}</c>) through <see cref="ShardProcessor"/> on the thread pool (hashing and
/// decoding are CPU work), reporting its counts to the job as it goes.
/// </summary>
public sealed class ShardGrain(ShardProcessor processor) : Grain, IShardGrain
{
    public async Task<ShardResult> RunAsync(ShardRange shard, CaptionJobSpec spec, IReadOnlyList<string> describers)
    {
        var key = this.GetPrimaryKeyString();
        var job = GrainFactory.GetGrain<ICaptionJobGrain>(key[..key.LastIndexOf('/')]);
        var progress = new Progress<CaptionCounts>(counts => job.ReportProgressAsync(shard.Index, counts).Ignore());
        var dispatch = new DescriberDispatch(GrainFactory, describers);
        var result = await Task.Run(() => processor.RunAsync(shard, spec, dispatch, progress, CancellationToken.None));
        DeactivateOnIdle();
        return result;
    }
}
