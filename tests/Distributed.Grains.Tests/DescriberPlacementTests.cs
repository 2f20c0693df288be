using Distributed.Abstractions.Captioning;
using Distributed.Grains.Cluster;
using Distributed.Grains.Describing;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Distributed.Grains.Tests;

/// <summary>
/// Three silos: two with the describer role and two endpoints each, one without the role. Every (silo, endpoint) gets
/// exactly one describer grain, on its own silo; the silo without the role hosts none and refuses one.
/// </summary>
public sealed class DescriberPlacementTests : IAsyncLifetime
{
    private const string PlainSilo = "Silo_2";
    private readonly string _dataRoot = Directory.CreateTempSubdirectory("distributed-placement-").FullName;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new InProcessTestClusterBuilder(3)
            .ConfigureSilo((options, silo) =>
            {
                silo.AddDistributedGrains();
                silo.Services.Configure<DataRootOptions>(o => o.Root = _dataRoot);
                silo.Services.Configure<SiloRoleOptions>(o => o.Roles = options.SiloName == PlainSilo ? ["general", "trainer"] : ["general", "describer"]);
                silo.Services.Configure<DescriberOptions>(o => o.Endpoints =
                [
                    new DescriberEndpointOptions { Name = "embedded" },
                    new DescriberEndpointOptions { Name = "second" },
                ]);
            })
            .Build();
        await _cluster.DeployAsync();
    }

    [SkippableFact]
    public async Task Describers_ThreeSilosOneWithoutRole_OneGrainPerSiloAndEndpointOnItsOwnSilo()
    {
        Requirements.Tesseract();
        var plain = _cluster.Silos.Single(s => s.Name == PlainSilo).SiloAddress;
        var keys = new List<string>();
        foreach (var endpoint in new[] { "embedded", "second" })
        {
            keys.AddRange(await ClusterInventory.ListDescribersAsync(_cluster.Client, endpoint));
        }

        foreach (var key in keys)
        {
            await _cluster.Client.GetGrain<IDescriberGrain>(key).GetIdentityAsync();
        }

        var stats = await _cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var describers = stats.Where(s => s.GrainType.Contains(nameof(DescriberGrain), StringComparison.Ordinal)).ToList();
        Assert.Equal(4, keys.Distinct().Count());
        Assert.Equal(keys.Order(StringComparer.Ordinal), describers.Select(s => s.GrainId.Key.ToString()!).Order(StringComparer.Ordinal));
        Assert.All(describers, s => Assert.Equal(Abstractions.Cluster.NodeKey.SiloOf(s.GrainId.Key.ToString()!), s.SiloAddress));
        Assert.DoesNotContain(describers, s => s.SiloAddress == plain);

        var refused = await Assert.ThrowsAnyAsync<Exception>(
            () => _cluster.Client.GetGrain<IDescriberGrain>(DescriberKey.For(plain, "embedded")).GetIdentityAsync());
        Assert.Contains("serves no describer endpoint named 'embedded'", refused.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_dataRoot, recursive: true);
    }
}
