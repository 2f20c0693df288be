using Distributed.Abstractions.Describing;
using Distributed.Describing;
using Distributed.Grains.Describing;

namespace Distributed.Benchmarks;

/// <summary>
/// A benchmark stand-in for a GPU VLM server (which cannot run here): answers every request after a fixed latency
/// with a fixed valid description. Used only to measure the cluster's own overhead; never part of the product.
/// </summary>
public sealed class FixedLatencyDescriber(TimeSpan latency) : IDescriber
{
    public DescriberIdentity Identity { get; } = new($"bench-fixed-{latency.TotalMilliseconds:F0}ms/1", "bench", "0000000000000000", true, 1024);

    public async Task<DescribeOutcome> DescribeAsync(DescribeRequest request, CancellationToken cancellationToken)
    {
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        return DescribeOutcome.Success(new DescriptionFields("", "bench scene", "bench reasoning"), "{}", latency.TotalMilliseconds, "bench");
    }
}

/// <summary>Builds <see cref="FixedLatencyDescriber"/>s for every configured endpoint.</summary>
public sealed class FixedLatencyDescriberFactory(TimeSpan latency) : IDescriberFactory
{
    public IDescriber Create(DescriberEndpointOptions endpoint) => new FixedLatencyDescriber(latency);
}
