using Azure.Storage.Blobs;
using Distributed.Abstractions.Captioning;
using Distributed.Data.Samples;
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
    public async Task AzuriteConfig_TwoSilosAndAClient_ClientSeesBothSilosAndJobStateIsInBlobs()
    {
        var connection = Requirements.AzuriteConnectionString();
        Requirements.Tesseract();
        var root = Directory.CreateTempSubdirectory("distributed-azurite-").FullName;
        var clusterId = $"test-{Guid.NewGuid():N}"[..20];
        var hosts = new List<IHost>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var silo = Build(connection, clusterId, "Embedded", FreePort(), FreePort(), root);
                silo.AddDistributedSilo();
                hosts.Add(silo.Build());
                await hosts[^1].StartAsync();
            }

            var client = Build(connection, clusterId, "Client", 0, 0, root);
            client.AddDistributedClient();
            hosts.Add(client.Build());
            await hosts[^1].StartAsync();

            var grains = (IGrainFactory)hosts[^1].Services.GetService(typeof(IClusterClient))!;
            var nodes = await ClusterInventory.ListNodesAsync(grains);

            Assert.Equal(2, nodes.Count);
            Assert.Equal(2, nodes.Select(n => n.SiloAddress).Distinct().Count());

            var dataset = await SampleDataset.GenerateAsync(Path.Combine(root, "sample"), new SampleDatasetOptions { Count = 10 });
            var job = grains.GetGrain<ICaptionJobGrain>($"{clusterId}-job");
            var status = await job.StartAsync(new CaptionJobSpec(dataset.ManifestPath, Path.Combine(root, "store"), ShardRows: 5));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (!status.IsFinished)
            {
                await Task.Delay(100, timeout.Token);
                status = await job.GetStatusAsync();
            }

            Assert.Equal((CaptionJobState.Completed, 10L), (status.State, status.Counts.Described));
            var state = new BlobContainerClient(connection, "grainstate", new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));
            var blobs = new List<string>();
            await foreach (var blob in state.GetBlobsAsync())
            {
                blobs.Add(blob.Name);
            }

            Assert.Contains(blobs, name => name.Contains($"{clusterId}-job", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var host in Enumerable.Reverse(hosts))
            {
                await host.StopAsync();
                host.Dispose();
            }

            Directory.Delete(root, recursive: true);
        }
    }

    private static HostApplicationBuilder Build(string connection, string clusterId, string mode, int siloPort, int gatewayPort, string dataRoot)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddDistributedSources(AzuriteFile,
        [
            "--Cluster:Mode", mode,
            "--Cluster:ClusterId", clusterId,
            "--Cluster:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Cluster:GatewayPort", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Cluster:AzureStorageConnectionString", connection,
            "--Data:Root", dataRoot,
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
