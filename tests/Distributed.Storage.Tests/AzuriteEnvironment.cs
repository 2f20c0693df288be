using Distributed.Storage.Blobs;

namespace Distributed.Storage.Tests;

/// <summary>
/// The Azurite that tools/test.sh starts (DISTRIBUTED_TEST_AZURITE holds its connection string). Without it, tests
/// skip with a message — except under CI=true, where a missing Azurite is a failure.
/// </summary>
public static class AzuriteEnvironment
{
    public static string ConnectionString()
    {
        var connection = Environment.GetEnvironmentVariable("DISTRIBUTED_TEST_AZURITE");
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return connection;
        }

        const string Reason = "Azurite is not running: set DISTRIBUTED_TEST_AZURITE (tools/test.sh starts Azurite and sets it)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(Reason + " (CI=true: not skipping).");
        }

        throw new SkipException(Reason + ".");
    }

    /// <summary>A fresh container with a unique name; <see cref="DeleteAsync"/> removes it.</summary>
    public static AzureBlobContainer NewContainer(out string name)
    {
        name = $"storage-test-{Guid.NewGuid():N}"[..40];
        return AzureBlobContainer.Connect(ConnectionString(), name, "store");
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
