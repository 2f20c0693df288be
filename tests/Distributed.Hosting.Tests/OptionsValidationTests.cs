using Distributed.Grains.Cluster;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Distributed.Hosting.Tests;

public sealed class OptionsValidationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void ReadSection_Defaults_AreValid()
    {
        var cluster = Config().ReadSection<ClusterConnectionOptions>();

        Assert.Equal(ClusterMode.Embedded, cluster.Mode);
        Assert.Equal(MembershipProvider.Localhost, cluster.Membership);
        Assert.Equal(SiloRoleOptions.KnownRoles, Config().ReadSection<SiloRoleOptions>().Effective);
    }

    [Fact]
    public void ReadSection_PortOutOfRange_NamesKeyValueAndRange()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => Config(("Cluster:SiloPort", "70000")).ReadSection<ClusterConnectionOptions>());

        Assert.Contains("Cluster:SiloPort = 70000: must be between 0 and 65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSection_OneRoleOnTheCommandLine_IsTheOnlyRole()
    {
        var roles = Config(("Silo:Roles:0", "describer")).ReadSection<SiloRoleOptions>();

        Assert.Equal(["describer"], roles.Effective);
    }

    [Fact]
    public void ReadSection_UnknownRole_NamesKeyAndAllowedValues()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => Config(("Silo:Roles:0", "wizard")).ReadSection<SiloRoleOptions>());

        Assert.Contains("Silo:Roles", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown role 'wizard' (allowed: general, describer, trainer)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSection_AzureStorageWithoutConnectionString_NamesKey()
    {
        var error = Assert.Throws<OptionsValidationException>(
            () => Config(("Cluster:Membership", "AzureStorage"), ("Cluster:Mode", "Client")).ReadSection<ClusterConnectionOptions>());

        Assert.Contains("Cluster:AzureStorageConnectionString = (not set): is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSection_MisspelledKey_FailsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Config(("Cluster:SiloPrt", "1")).ReadSection<ClusterConnectionOptions>());

        Assert.Contains("SiloPrt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSection_UnparsableNumber_FailsNamingKey()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Config(("Cluster:GatewayPort", "many")).ReadSection<ClusterConnectionOptions>());

        Assert.Contains("Cluster:GatewayPort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartHost_InvalidDataRoot_StopsStartupNamingKey()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("Data:Root", (string?)"")]);
        builder.AddDistributedDefaults("test");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Data:Root = '': must name a folder", error.Message, StringComparison.Ordinal);
    }
}
