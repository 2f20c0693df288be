using System.Runtime.CompilerServices;
using Distributed.Abstractions.Captioning;
using Distributed.Data.Manifests;

namespace Distributed.Grains.Captioning;

/// <summary>Plans every manifest file of a dataset into shards of <see cref="CaptionJobSpec.ShardRows"/> rows, streaming.</summary>
public sealed class CaptionPlanner : ICaptionPlanner
{
    public async IAsyncEnumerable<ShardRange> PlanAsync(CaptionJobSpec spec, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var file in Dataset.Open(spec.Dataset))
        {
            await foreach (var shard in ShardPlanner.PlanAsync(file, spec.ShardRows, cancellationToken))
            {
                yield return shard.ToRange();
            }
        }
    }
}
