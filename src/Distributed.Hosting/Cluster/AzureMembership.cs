using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Distributed.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Distributed.Hosting.Cluster;

/// <summary>What silos and clients of an Azure Storage cluster share: identity, membership tables, state blobs.</summary>
internal static class AzureMembership
{
    public static void ConfigureIdentity(IServiceCollection services, ClusterConnectionOptions cluster) =>
        services.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ServiceId = cluster.ServiceId;
            o.ClusterId = cluster.ClusterId;
        });

    public static TableServiceClient Tables(ClusterConnectionOptions cluster) => new(cluster.AzureStorageConnectionString);

    /// <summary>Blob client pinned to an API version Azurite 3.37 accepts (Azure accepts it too).</summary>
    public static BlobServiceClient Blobs(ClusterConnectionOptions cluster) =>
        new(cluster.AzureStorageConnectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));
}
