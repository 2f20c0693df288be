using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Distributed.Grains.Cluster;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;

namespace Distributed.Hosting.Tests;

/// <summary><c>Cluster:Membership = Redis</c>: validation, what is registered, and two silos + a client on a real redis-server.</summary>
public sealed class RedisMembershipTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void ReadSection_RedisWithoutConnectionString_NamesKey()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => Config(("Cluster:Membership", "Redis"), ("Cluster:Mode", "Client")).ReadSection<ClusterConnectionOptions>());

        Assert.Contains("Cluster:RedisConnectionString = (not set): is required when Cluster:Membership is Redis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSection_RedisEmbeddedWithoutSiloPort_NamesKey()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => Config(("Cluster:Membership", "Redis"), ("Cluster:RedisConnectionString", "localhost:6379")).ReadSection<ClusterConnectionOptions>());

        Assert.Contains("Cluster:SiloPort = 0: must be between 1 and 65535 when Cluster:Membership is Redis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSection_RedisInlineAndFile_NamesFileKeyWithoutEchoingTheString()
    {
        const string Secret = "localhost:6379,password=canary-7f3a9c";
        var error = Assert.Throws<OptionsValidationException>(() => Config(
            ("Cluster:Membership", "Redis"), ("Cluster:RedisConnectionString", Secret), ("Cluster:RedisConnectionStringFile", "/nonexistent")).ReadSection<ClusterConnectionOptions>());

        Assert.Contains("Cluster:RedisConnectionStringFile", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-7f3a9c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDistributedClient_Redis_RegistersRedisMembershipWithConnectionStringFromFile()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "redis.example:6380,password=from-file\n");
        try
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(
            [
                new("Cluster:Mode", "Client"), new("Cluster:Membership", "Redis"), new("Cluster:RedisConnectionStringFile", file),
            ]);
            builder.AddDistributedClient();
            using var services = builder.Services.BuildServiceProvider();

            var options = services.GetRequiredService<IOptions<RedisClusteringOptions>>().Value;
            Assert.Contains(builder.Services, d => d.ServiceType == typeof(Orleans.Messaging.IGatewayListProvider)
                && d.ImplementationType?.Assembly == typeof(RedisClusteringOptions).Assembly);
            Assert.EndsWith("redis.example:6380", options.ConfigurationOptions!.EndPoints.Single().ToString(), StringComparison.Ordinal);
            Assert.Equal("from-file", options.ConfigurationOptions.Password);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [SkippableFact]
    public async Task RedisConfig_TwoSilosAndAClient_ClientSeesBothSilos()
    {
        using var redis = await RedisServer.StartAsync();
        var root = Directory.CreateTempSubdirectory("distributed-redis-").FullName;
        var clusterId = $"test-{Guid.NewGuid():N}"[..20];
        var hosts = new List<IHost>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var silo = Build(redis.ConnectionString, clusterId, "Embedded", FreePort(), FreePort(), root);
                silo.AddDistributedSilo();
                hosts.Add(silo.Build());
                await hosts[^1].StartAsync();
            }

            var client = Build(redis.ConnectionString, clusterId, "Client", 0, 0, root);
            client.AddDistributedClient();
            hosts.Add(client.Build());
            await hosts[^1].StartAsync();

            var nodes = await ClusterInventory.ListNodesAsync((IGrainFactory)hosts[^1].Services.GetService(typeof(IClusterClient))!);

            Assert.Equal(2, nodes.Select(n => n.SiloAddress).Distinct().Count());
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

    private static HostApplicationBuilder Build(string redis, string clusterId, string mode, int siloPort, int gatewayPort, string dataRoot)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddDistributedSources(null,
        [
            "--Cluster:Mode", mode,
            "--Cluster:Membership", "Redis",
            "--Cluster:RedisConnectionString", redis,
            "--Cluster:ClusterId", clusterId,
            "--Cluster:SiloPort", siloPort.ToString(CultureInfo.InvariantCulture),
            "--Cluster:GatewayPort", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--Silo:Roles:0", "general",
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
