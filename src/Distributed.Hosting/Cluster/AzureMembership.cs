using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Distributed.Hosting.Options;
using Distributed.Storage.Blobs;
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

    /// <summary>How to reach the account's tables: the connection string, or the table URL with a SAS or the default credential.</summary>
    public static AzureStorageAccess TableAccess(ClusterConnectionOptions cluster) => Access(cluster, cluster.AzureTableServiceUri, "Cluster:AzureTableServiceUri");

    /// <summary>How to reach the account's blobs (job state).</summary>
    public static AzureStorageAccess BlobAccess(ClusterConnectionOptions cluster) => Access(cluster, cluster.AzureBlobServiceUri, "Cluster:AzureBlobServiceUri");

    public static TableServiceClient Tables(ClusterConnectionOptions cluster)
    {
        var access = TableAccess(cluster);
        return access.Credential() switch
        {
            AzureSasCredential sas => new TableServiceClient(access.ServiceUri!, sas),
            TokenCredential token => new TableServiceClient(access.ServiceUri!, token),
            _ => new TableServiceClient(cluster.ResolveAzureConnectionString()),
        };
    }

    /// <summary>Blob client pinned to an API version Azurite 3.37 accepts (Azure accepts it too).</summary>
    public static BlobServiceClient Blobs(ClusterConnectionOptions cluster) => BlobAccess(cluster).Service();

    private static AzureStorageAccess Access(ClusterConnectionOptions cluster, string? serviceUri, string uriKey)
    {
        try
        {
            return AzureStorageAccess.Choose(
                cluster.ResolveAzureConnectionString(), serviceUri, cluster.ResolveAzureSasToken(), cluster.AzureStorageUseDefaultCredential, "Cluster:AzureStorage");
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{e.Message} (service URL key: {uriKey})", e);
        }
    }
}
