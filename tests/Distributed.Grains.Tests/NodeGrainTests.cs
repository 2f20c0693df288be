using Distributed.Abstractions.Cluster;
using Distributed.Grains.Cluster;
using Distributed.Hosting.Cluster;

namespace Distributed.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class NodeGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GetInfo_EachSilo_AnswersFromThatSilo()
    {
        var silos = fixture.Cluster.Silos.Select(s => s.SiloAddress).ToList();
        Assert.Equal(2, silos.Count);

        foreach (var silo in silos)
        {
            var info = await fixture.Cluster.Client.GetGrain<INodeGrain>(NodeKey.For(silo)).GetInfoAsync();
            Assert.Equal(NodeKey.For(silo), info.SiloAddress);
            Assert.Equal(SiloRoleOptions.KnownRoles, info.Roles);
            Assert.Equal(Environment.ProcessId, info.ProcessId);
        }
    }

    [Fact]
    public async Task ListNodes_TwoSilos_ReturnsOneNodePerActiveSilo()
    {
        var nodes = await ClusterInventory.ListNodesAsync(fixture.Cluster.Client);

        var expected = fixture.Cluster.Silos.Select(s => NodeKey.For(s.SiloAddress)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, nodes.Select(n => n.SiloAddress));
    }

    [Fact]
    public async Task GetInfo_UnknownSilo_FailsNamingTheSilo()
    {
        var ghost = SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1), 42);

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => fixture.Cluster.Client.GetGrain<INodeGrain>(NodeKey.For(ghost)).GetInfoAsync());

        Assert.Contains(ghost.ToString(), error.ToString(), StringComparison.Ordinal);
    }
}
