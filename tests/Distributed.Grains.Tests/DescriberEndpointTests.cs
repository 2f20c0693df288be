using Distributed.Abstractions.Describing;
using Distributed.Describing;
using Distributed.Grains.Describing;

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

    private sealed class NeverCalled : IDescriber
    {
        public DescriberIdentity Identity { get; } = new("test", "m", "v1", false, 512);

        public Task<DescribeOutcome> DescribeAsync(DescribeRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not called");
    }
}
