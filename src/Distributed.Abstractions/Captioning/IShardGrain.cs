namespace Distributed.Abstractions.Captioning;

/// <summary>Describes one shard (keyed <c>{job}/{shard}</c>): reads rows, skips cached keys, fans misses out to describers.</summary>
[Alias("Distributed.IShardGrain")]
public interface IShardGrain : IGrainWithStringKey
{
    [Alias("Run")]
    [ResponseTimeout("02:00:00")]
    Task<ShardResult> RunAsync(ShardRange shard, CaptionJobSpec spec, IReadOnlyList<string> describers);
}
