using Distributed.Abstractions.Captioning;

namespace Distributed.Grains.Captioning;

/// <summary>Runs one shard through <see cref="ShardProcessor"/> on the thread pool (hashing and decoding are CPU work).</summary>
public sealed class ShardGrain(ShardProcessor processor) : Grain, IShardGrain
{
    public async Task<ShardResult> RunAsync(ShardRange shard, CaptionJobSpec spec, IReadOnlyList<string> describers)
    {
        var dispatch = new DescriberDispatch(GrainFactory, describers);
        var result = await Task.Run(() => processor.RunAsync(shard, spec, dispatch, CancellationToken.None));
        DeactivateOnIdle();
        return result;
    }
}
