using Distributed.Grains.Cluster;
using System.Net;
using System.Net.Sockets;
using Distributed.Hosting.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Distributed.Hosting.Tests;

/// <summary>cluster-config/azurite.json, as silos and a client use it, against a real Azurite.</summary>
public sealed class AzureStorageMembershipTests
{
    private static readonly string AzuriteFile =
        Path.Combine(Requirements.RepositoryRoot(), "cluster-config/azurite.json");

    [SkippableFact]
    public async Task AzuriteConfig_TwoSilosAndAClient_ClientSeesBothSilos()
    {
        var connection = Requirements.AzuriteConnectionString();
        var clusterId = $"test-{Guid.NewGuid():N}"[..20];
        var hosts = new List<IHost>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var silo = Build(connection, clusterId, "Embedded", FreePort(), FreePort());
                silo.AddDistributedSilo();
                hosts.Add(silo.Build());
                await hosts[^1].StartAsync();
            }

            var client = Build(connection, clusterId, "Client", 0, 0);
            client.AddDistributedClient();
            hosts.Add(client.Build());
            await hosts[^1].StartAsync();

            var grains = (IGrainFactory)hosts[^1].Services.GetService(typeof(IClusterClient))!;
            var nodes = await ClusterInventory.ListNodesAsync(grains);

            Assert.Equal(2, nodes.Count);
            Assert.Equal(2, nodes.Select(n => n.SiloAddress).Distinct().Count());
        }
        finally
        {
            foreach (var host in Enumerable.Reverse(hosts))
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
    }

    private static HostApplicationBuilder Build(string connection, string clusterId, string mode, int siloPort, int gatewayPort)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddDistributedSources(AzuriteFile,
        [
            "--Cluster:Mode", mode,
            "--Cluster:ClusterId", clusterId,
            "--Cluster:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Cluster:GatewayPort", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Cluster:AzureStorageConnectionString", connection,
        ]);
        return builder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
