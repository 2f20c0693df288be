using Distributed.Storage.Blobs;

namespace Distributed.Storage.Tests.Descriptions;

/// <summary>The description store on Azurite (skips without DISTRIBUTED_TEST_AZURITE unless CI=true).</summary>
public sealed class DescriptionStoreAzureTests : DescriptionStoreContract, IAsyncLifetime
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

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_name is not null)
        {
            await AzuriteEnvironment.DeleteAsync(_name);
        }
    }
}
