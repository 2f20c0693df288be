using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Security.Cryptography;
using Azure;
using Azure.Core.Diagnostics;
using Distributed.Storage.Descriptions;

namespace Distributed.Storage.Tests.Blobs;

/// <summary>
/// A store opened with a canary account key or a canary SAS signature against Azurite: Azure refuses the request, the
/// Azure SDK's verbose request logs are written, and the canary is in none of them nor in the exception.
/// </summary>
public sealed class AzureSecretCanaryTests
{
    private const string Azurite = "http://127.0.0.1:10000/devstoreaccount1";

    [SkippableFact]
    public async Task Store_CanaryAccountKey_RefusedAndNeverLogged()
    {
        Requirements.AzuriteConnectionString();
        var canary = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var options = new DescriptionStoreOptions
        {
            AzureConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={canary};BlobEndpoint={Azurite};",
            ReadOnly = true,
        };

        var (error, logs) = await StatsFailureAsync(options);

        Assert.Equal(403, error.Status);
        Assert.Contains(logs, l => l.Contains("Request [", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(canary, error.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Store_CanarySasSignature_RefusedAndNeverLogged()
    {
        Requirements.AzuriteConnectionString();
        var canary = "canary" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var options = new DescriptionStoreOptions
        {
            AzureServiceUri = Azurite,
            AzureSasToken = $"sv=2025-01-05&ss=b&srt=sco&sp=rl&se=2099-01-01T00:00:00Z&sig={canary}",
            ReadOnly = true,
        };

        var (error, logs) = await StatsFailureAsync(options);

        Assert.Equal(403, error.Status);
        Assert.Contains(logs, l => l.Contains("Request [", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(canary, error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(RequestFailedException Error, IReadOnlyList<string> Logs)> StatsFailureAsync(DescriptionStoreOptions options)
    {
        var logs = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener((e, message) => logs.Enqueue(message), EventLevel.Verbose);
        using var store = DescriptionStore.Open($"az://canary-{Guid.NewGuid():N}"[..30] + "/store", options);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => store.StatsAsync());
        return (error, [.. logs]);
    }
}
