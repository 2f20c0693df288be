using Distributed.Abstractions.Describing;
using Distributed.Describing;
using Distributed.Grains.Cluster;
using Distributed.Grains.Describing;
using Microsoft.Extensions.Options;

namespace Distributed.Grains.Tests;

public sealed class DescriberEndpointTests
{
    private static readonly DescribeOutcome Transient = DescribeOutcome.Failed(FailureKind.Transient, "unreachable", "no server", "", 1, "m");
    private static readonly DescribeOutcome Permanent = DescribeOutcome.Failed(FailureKind.Permanent, "invalid_reply", "bad", "", 1, "m");

    [Fact]
    public void RecordOutcome_TransientFailuresInARow_FailingAfterThreeUntilAnAnswer()
    {
        using var endpoint = new DescriberEndpoint("vlm", new NeverCalled(), 1);

        endpoint.RecordOutcome(Transient);
        endpoint.RecordOutcome(Transient);
        Assert.False(endpoint.IsFailing);
        endpoint.RecordOutcome(Transient);
        Assert.True(endpoint.IsFailing);
        Assert.Equal(3, endpoint.ConsecutiveTransientFailures);

        endpoint.RecordOutcome(Permanent);
        Assert.False(endpoint.IsFailing);
        Assert.Equal(0, endpoint.ConsecutiveTransientFailures);
    }

    [Fact]
    public void DescriberHealth_AnEndpointFailing_UnhealthyNamingItUntilItAnswers()
    {
        using var registry = new DescriberRegistry(
            Options.Create(new DescriberOptions()), Options.Create(new SiloRoleOptions()), new NeverCalledFactory());
        var health = new DescriberHealth(registry);
        var endpoint = registry.Get("embedded");

        Assert.True(health.CheckHealth(DateTime.UtcNow, out _));
        endpoint.RecordOutcome(Transient);
        endpoint.RecordOutcome(Transient);
        endpoint.RecordOutcome(Transient);
        Assert.False(health.CheckHealth(DateTime.UtcNow, out var reason));
        Assert.Contains("describer endpoint(s) failing: embedded", reason, StringComparison.Ordinal);
        endpoint.RecordOutcome(Permanent);
        Assert.True(health.CheckHealth(DateTime.UtcNow, out _));
    }

    private sealed class NeverCalledFactory : IDescriberFactory
    {
        public IDescriber Create(DescriberEndpointOptions endpoint) => new NeverCalled();
    }

    private sealed class NeverCalled : IDescriber
    {
        public DescriberIdentity Identity { get; } = new("test", "m", "v1", false, 512);

        public Task<DescribeOutcome> DescribeAsync(DescribeRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not called");
    }
}
