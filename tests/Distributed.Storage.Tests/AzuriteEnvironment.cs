using Distributed.Storage.Blobs;

namespace Distributed.Storage.Tests;

/// <summary>
/// Containers on the Azurite that tools/test.sh starts (see <see cref="Requirements.AzuriteConnectionString"/>).
/// </summary>
public static class AzuriteEnvironment
{
    /// <summary>A fresh container with a unique name; <see cref="DeleteAsync"/> removes it.</summary>
    public static AzureBlobContainer NewContainer(out string name)
    {
        name = $"storage-test-{Guid.NewGuid():N}"[..40];
        return AzureBlobContainer.Connect(Requirements.AzuriteConnectionString(), name, "store");
    }

    public static async Task DeleteAsync(string name)
    {
        var connection = Environment.GetEnvironmentVariable("DISTRIBUTED_TEST_AZURITE");
        if (!string.IsNullOrWhiteSpace(connection))
        {
            var client = new Azure.Storage.Blobs.BlobContainerClient(connection, name, AzureBlobContainer.ClientOptions());
            await client.DeleteIfExistsAsync();
        }
    }
}
