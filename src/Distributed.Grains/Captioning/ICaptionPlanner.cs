using Distributed.Abstractions.Captioning;

namespace Distributed.Grains.Captioning;

/// <summary>Plans a dataset into shards, streaming (bounded memory whatever the manifest's size).</summary>
public interface ICaptionPlanner
{
    IAsyncEnumerable<ShardRange> PlanAsync(CaptionJobSpec spec, CancellationToken cancellationToken);
}
