using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.Configuration;

namespace Distributed.Hosting.Tests;

public sealed class ClusterConfigurationTests
{
    private static string RepoFile(string relative) =>
        Path.Combine(Requirements.RepositoryRoot(), relative);

    [Theory]
    [InlineData("cluster-config/local.json", ClusterMode.Embedded, MembershipProvider.Localhost)]
    [InlineData("cluster-config/azurite.json", ClusterMode.Client, MembershipProvider.AzureStorage)]
    [InlineData("cluster-config/redis.json", ClusterMode.Client, MembershipProvider.Redis)]
    public void AddDistributedSources_CheckedInClusterFiles_AreValid(string file, ClusterMode mode, MembershipProvider membership)
    {
        var config = new ConfigurationBuilder().AddDistributedSources(RepoFile(file)).Build();

        var cluster = config.ReadSection<ClusterConnectionOptions>();
        Assert.Equal(mode, cluster.Mode);
        Assert.Equal(membership, cluster.Membership);
    }

    [Fact]
    public void AddDistributedSources_CommandLine_OverridesFile()
    {
        var config = new ConfigurationBuilder()
            .AddDistributedSources(RepoFile("cluster-config/azurite.json"), ["--Cluster:SiloPort", "11112"])
            .Build();

        Assert.Equal(11112, config.ReadSection<ClusterConnectionOptions>().SiloPort);
    }

    [Fact]
    public void AddDistributedSources_MissingFile_NamesFile()
    {
        var error = Assert.Throws<FileNotFoundException>(
            () => new ConfigurationBuilder().AddDistributedSources("no/such/cluster.json"));

        Assert.Contains("no/such/cluster.json", error.Message, StringComparison.Ordinal);
    }
}
