using Azure;
using Azure.Identity;
using Distributed.Storage.Blobs;
using Distributed.Storage.Descriptions;

namespace Distributed.Storage.Tests.Blobs;

/// <summary>Which client and credential each way of configuring Azure builds (no network is touched).</summary>
public sealed class AzureStorageAccessTests
{
    private const string Account = "https://acct.blob.core.windows.net";

    private const string KeyConnectionString =
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFy;EndpointSuffix=core.windows.net";

    [Fact]
    public void Choose_ConnectionString_SharedKeyClient()
    {
        var access = AzureStorageAccess.Choose(KeyConnectionString, null, null, false, "Store:Azure");
        var container = access.Container("descriptions");

        Assert.Equal(AzureCredentialKind.ConnectionString, access.Kind);
        Assert.Null(access.Credential());
        Assert.Equal(new Uri($"{Account}/descriptions"), container.Uri);
        Assert.True(container.CanGenerateSasUri);
    }

    [Fact]
    public void Choose_SasToken_SasCredentialOnTheServiceUrl()
    {
        var access = AzureStorageAccess.Choose(null, Account, "?sv=2025-01-05&sp=rl&sig=abc", false, "Store:Azure");
        var container = access.Container("descriptions");

        Assert.Equal(AzureCredentialKind.SasToken, access.Kind);
        Assert.IsType<AzureSasCredential>(access.Credential());
        Assert.Equal(new Uri($"{Account}/descriptions"), container.Uri);
        Assert.False(container.CanGenerateSasUri);
        Assert.DoesNotContain("sig=abc", access.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_DefaultCredential_DefaultAzureCredential()
    {
        var access = AzureStorageAccess.Choose(null, Account, null, true, "Store:Azure");

        Assert.Equal(AzureCredentialKind.DefaultCredential, access.Kind);
        Assert.IsType<DefaultAzureCredential>(access.Credential());
        Assert.Equal(new Uri($"{Account}/descriptions"), access.Container("descriptions").Uri);
        Assert.Equal(new Uri(Account), access.Service().Uri);
    }

    [Theory]
    [InlineData(null, null, false, "No Azure Storage credential")]
    [InlineData(KeyConnectionString, "sig", false, "More than one")]
    [InlineData(null, "sig", true, "More than one")]
    public void Choose_NoneOrSeveral_NamesTheKeys(string? connection, string? sas, bool useDefault, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AzureStorageAccess.Choose(connection, Account, sas, useDefault, "Store:Azure"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Store:AzureConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Store:AzureUseDefaultCredential", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Zm9vYmFy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_SasWithoutServiceUri_NamesKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AzureStorageAccess.Choose(null, null, "sig", false, "Store:Azure"));

        Assert.Contains("Store:AzureServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreOptions_ConnectionStringFromFile_IsUsed()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, KeyConnectionString + "\n");
        try
        {
            var access = new DescriptionStoreOptions { AzureConnectionStringFile = file }.ResolveAzureAccess();

            Assert.Equal(AzureCredentialKind.ConnectionString, access.Kind);
            Assert.Equal(new Uri($"{Account}/c1"), access.Container("c1").Uri);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void StoreOptions_InlineAndFile_FailsNamingBothKeys()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new DescriptionStoreOptions { AzureSasToken = "sig", AzureSasTokenFile = "/nonexistent", AzureServiceUri = Account }.ResolveAzureAccess());

        Assert.Contains("Store:AzureSasToken and Store:AzureSasTokenFile are both set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocationOpen_AzureReadOnlyWithSas_ReadOnlyWrapperOverTheSasContainer()
    {
        var options = new DescriptionStoreOptions { AzureServiceUri = Account, AzureSasToken = "sp=rl&sig=abc", ReadOnly = true };

        var blobs = DescriptionStoreLocation.Parse("az://descriptions/team-a").Open(options);

        var wrapper = Assert.IsType<ReadOnlyBlobContainer>(blobs);
        Assert.Equal("az://descriptions/team-a/", wrapper.Location);
    }

    [Fact]
    public void LocationOpen_AzureWithoutCredential_NamesLocationAndKeys()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DescriptionStoreLocation.Parse("az://descriptions/x").Open(new DescriptionStoreOptions()));

        Assert.Contains("az://descriptions/x", error.Message, StringComparison.Ordinal);
        Assert.Contains("Store:AzureConnectionString", error.Message, StringComparison.Ordinal);
    }
}
