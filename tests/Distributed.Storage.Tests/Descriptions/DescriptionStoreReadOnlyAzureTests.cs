using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Distributed.Storage.Blobs;
using Distributed.Storage.Descriptions;

namespace Distributed.Storage.Tests.Descriptions;

/// <summary>
/// Read-only mode on Azurite, opened as a consumer would be: <c>az://container/prefix</c> with the account URL and a
/// container-scoped read+list SAS (no write, no create permission).
/// </summary>
public sealed class DescriptionStoreReadOnlyAzureTests : DescriptionStoreReadOnlyContract, IAsyncLifetime
{
    private string? _name;

    protected override IBlobContainer OpenContainer()
    {
        if (_name is null)
        {
            return AzuriteEnvironment.NewContainer(out _name);
        }

        return AzureBlobContainer.Connect(Requirements.AzuriteConnectionString(), _name, "store");
    }

    protected override DescriptionStore OpenReadOnly() =>
        DescriptionStore.Open($"az://{_name}/store", ReaderOptions(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, readOnly: true));

    /// <summary>A read+list SAS cannot create the container, so only read-only mode (which never creates it) can use it;
    /// without the mode even the first read is refused by Azure.</summary>
    [SkippableFact]
    public async Task ReadListSas_WithoutReadOnlyMode_AzureRefuses_WithItReadsWork()
    {
        using (var writer = new DescriptionStore(OpenContainer()))
        {
            await writer.AppendAsync(Records.Successes([1], Records.Start));
        }

        using var writable = DescriptionStore.Open($"az://{_name}/store", ReaderOptions(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, readOnly: false));
        using var readOnly = OpenReadOnly();

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => writable.AppendAsync(Records.Successes([2], Records.Start)));
        Assert.Equal(403, error.Status);
        Assert.Single(await readOnly.ExistsAsync([Records.Key(1), Records.Key(2)]));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_name is not null)
        {
            await AzuriteEnvironment.DeleteAsync(_name);
        }
    }

    private DescriptionStoreOptions ReaderOptions(BlobContainerSasPermissions permissions, bool readOnly)
    {
        _ = OpenContainer();
        var keyed = new BlobContainerClient(Requirements.AzuriteConnectionString(), _name, AzureBlobContainer.ClientOptions());
        var sas = keyed.GenerateSasUri(permissions, DateTimeOffset.UtcNow.AddHours(1));
        var account = keyed.Uri.GetLeftPart(UriPartial.Path)[..^(_name!.Length + 1)];
        return new DescriptionStoreOptions { AzureServiceUri = account, AzureSasToken = sas.Query, ReadOnly = readOnly };
    }
}
