using Distributed.Storage.Blobs;

namespace Distributed.Storage.Tests.Blobs;

/// <summary>The blob contract on Azurite (skips without DISTRIBUTED_TEST_AZURITE unless CI=true).</summary>
public sealed class AzureBlobContainerTests : BlobContainerContract, IAsyncLifetime
{
    private string? _name;
    private AzureBlobContainer? _container;

    protected override IBlobContainer Container => _container ??= AzuriteEnvironment.NewContainer(out _name);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_name is not null)
        {
            await AzuriteEnvironment.DeleteAsync(_name);
        }
    }
}
