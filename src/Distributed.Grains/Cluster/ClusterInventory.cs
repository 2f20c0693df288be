using Distributed.Abstractions.Cluster;

namespace Distributed.Grains.Cluster;

/// <summary>Lists the active silos of a cluster and asks each one (through its node grain) what it is; silos that do not answer are left out.</summary>
public static class ClusterInventory
{
    public static async Task<IReadOnlyList<NodeInfo>> ListNodesAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var nodes = await Task.WhenAll(hosts.Keys.Select(silo => InfoOrNullAsync(grains, silo)));
        return [.. nodes.OfType<NodeInfo>().OrderBy(n => n.SiloAddress, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A silo that died a moment ago is still listed as active until membership declares it dead; its node grain
    /// cannot answer (connection refused, placement refused), and it is left out rather than failing the listing.
    /// </summary>
    private static async Task<NodeInfo?> InfoOrNullAsync(IGrainFactory grains, SiloAddress silo)
    {
        try
        {
            return await grains.GetGrain<INodeGrain>(NodeKey.For(silo)).GetInfoAsync();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Keys of the describer grains serving endpoint <paramref name="name"/> on every describer silo.</summary>
    public static async Task<IReadOnlyList<string>> ListDescribersAsync(IGrainFactory grains, string name)
    {
        var nodes = await ListNodesAsync(grains);
        return [.. nodes.Where(n => n.Describers.Contains(name)).Select(n => Describing.DescriberKey.For(n.SiloAddress, name))];
    }
}
