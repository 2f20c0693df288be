using Azure.Identity;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Distributed.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Distributed.Hosting.Tests;

/// <summary>Which table/blob clients and credentials Azure Storage membership builds from each configuration (no network).</summary>
public sealed class AzureMembershipCredentialsTests
{
    private const string Tables = "https://acct.table.core.windows.net";
    private const string Blobs = "https://acct.blob.core.windows.net";

    private static ClusterConnectionOptions Read(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)).Append(new("Cluster:Membership", "AzureStorage")).Append(new("Cluster:Mode", "Client")))
            .Build()
            .ReadSection<ClusterConnectionOptions>();

    [Fact]
    public void Sas_TableAndBlobClientsOnTheServiceUrls()
    {
        var cluster = Read(("Cluster:AzureTableServiceUri", Tables), ("Cluster:AzureBlobServiceUri", Blobs), ("Cluster:AzureStorageSasToken", "sv=1&sig=canary"));

        Assert.Equal(AzureCredentialKind.SasToken, AzureMembership.TableAccess(cluster).Kind);
        Assert.Equal(new Uri(Tables).Host, AzureMembership.Tables(cluster).Uri.Host);
        Assert.Equal(new Uri(Blobs), AzureMembership.Blobs(cluster).Uri);
    }

    [Fact]
    public void DefaultCredential_DefaultAzureCredential()
    {
        var cluster = Read(("Cluster:AzureTableServiceUri", Tables), ("Cluster:AzureBlobServiceUri", Blobs), ("Cluster:AzureStorageUseDefaultCredential", "true"));

        Assert.IsType<DefaultAzureCredential>(AzureMembership.TableAccess(cluster).Credential());
        Assert.Equal(new Uri(Tables).Host, AzureMembership.Tables(cluster).Uri.Host);
        Assert.Equal(new Uri(Blobs), AzureMembership.Blobs(cluster).Uri);
    }

    [Fact]
    public void ConnectionStringFromFile_AccountKeyClients()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyZm9vYmFy;EndpointSuffix=core.windows.net\n");
        try
        {
            var cluster = Read(("Cluster:AzureStorageConnectionStringFile", file));

            Assert.Equal(AzureCredentialKind.ConnectionString, AzureMembership.BlobAccess(cluster).Kind);
            Assert.Equal("acct", AzureMembership.Tables(cluster).AccountName);
            Assert.Equal(new Uri(Blobs), AzureMembership.Blobs(cluster).Uri);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SasWithoutServiceUrls_NamesBothKeys()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Read(("Cluster:AzureStorageSasToken", "sv=1&sig=canary")));

        Assert.Contains("Cluster:AzureTableServiceUri", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cluster:AzureBlobServiceUri", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionStringAndDefaultCredential_OneCredentialRequired_WithoutEchoingTheSecret()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Read(
            ("Cluster:AzureStorageConnectionString", "AccountKey=canary-secret"), ("Cluster:AzureStorageUseDefaultCredential", "true")));

        Assert.Contains("Cluster:AzureStorageConnectionString = (set, not shown): give one Azure credential", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-secret", error.Message, StringComparison.Ordinal);
    }
}
