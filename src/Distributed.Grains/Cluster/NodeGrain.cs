using System.Diagnostics;
using Distributed.Abstractions.Cluster;
using Distributed.Grains.Describing;
using Distributed.Grains.Placement;
using Microsoft.Extensions.Options;

namespace Distributed.Grains.Cluster;

/// <summary>Reports the silo it lives on; one per silo thanks to <see cref="SiloBoundPlacementAttribute"/>.</summary>
[SiloBoundPlacement]
public sealed class NodeGrain(ILocalSiloDetails silo, IOptions<SiloRoleOptions> roles, DescriberRegistry describers) : Grain, INodeGrain
{
    private static readonly DateTimeOffset ProcessStartedAt = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public Task<NodeInfo> GetInfoAsync() => Task.FromResult(new NodeInfo(
        NodeKey.For(silo.SiloAddress),
        [.. roles.Value.Effective],
        Environment.MachineName,
        Environment.ProcessId,
        ProcessStartedAt,
        describers.Names) { FailingDescribers = describers.Failing });
}
