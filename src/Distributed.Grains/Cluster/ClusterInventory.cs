using Distributed.Abstractions.Cluster;

namespace Distributed.Grains.Cluster;

/// <summary>Lists the active silos of a cluster and asks each one (through its node grain) what it is.</summary>
public static class ClusterInventory
{
    public static async Task<IReadOnlyList<NodeInfo>> ListNodesAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var nodes = await Task.WhenAll(hosts.Keys.Select(silo => grains.GetGrain<INodeGrain>(NodeKey.For(silo)).GetInfoAsync()));
        return [.. nodes.OrderBy(n => n.SiloAddress, StringComparer.Ordinal)];
    }

    /// <summary>Keys of the describer grains serving endpoint <paramref name="name"/> on every describer silo.</summary>
    public static async Task<IReadOnlyList<string>> ListDescribersAsync(IGrainFactory grains, string name)
    {
        var nodes = await ListNodesAsync(grains);
        return [.. nodes.Where(n => n.Describers.Contains(name)).Select(n => Describing.DescriberKey.For(n.SiloAddress, name))];
    }
}
