using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Distributed.Grains.Tests;

/// <summary>
/// One in-process cluster of two silos, configured as production silos are (all roles, the embedded describer, job
/// state under a temporary data root), shared by a collection.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ClusterFixture()
    {
        Cluster = new InProcessTestClusterBuilder(2)
            .ConfigureSilo((_, silo) =>
            {
                silo.AddDistributedGrains();
                silo.Services.Configure<DataRootOptions>(o => o.Root = DataRoot);
            })
            .Build();
    }

    public string DataRoot { get; } = Directory.CreateTempSubdirectory("distributed-grains-").FullName;

    public InProcessTestCluster Cluster { get; }

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(DataRoot, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
