using System.Net;
using Distributed.Data.Manifests;
using Distributed.Grains.Captioning;
using Distributed.Grains.Cluster;
using Distributed.Grains.Describing;
using Distributed.Grains.Placement;
using Distributed.Grains.Training;
using Distributed.Hosting.Options;
using Distributed.Hosting.Persistence;
using Distributed.Hosting.Security;
using Distributed.Storage.Descriptions;
using Distributed.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.Serialization;

namespace Distributed.Hosting.Cluster;

/// <summary>Builds a silo (the silo executable, or the CLI's embedded silo) from configuration.</summary>
public static class SiloHosting
{
    public static IHostApplicationBuilder AddDistributedSilo(this IHostApplicationBuilder builder, string serviceName = "distributed-silo")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = builder.Configuration.ReadSection<ClusterConnectionOptions>();
        var tls = builder.Configuration.ReadSection<ClusterTlsOptions>();
        builder.Configuration.ReadSection<SiloRoleOptions>();
        builder.AddDistributedDefaults(serviceName);
        builder.Services.AddSectionOptions<SiloRoleOptions>();
        builder.Services.AddSectionOptions<ClusterTlsOptions>();
        builder.UseOrleans(silo => silo.ConfigureDistributedSilo(cluster).UseClusterTls(tls));

        // OCR and image decoding block pool threads in native code; a few spare threads keep the silo's own turns
        // (membership probes, grain calls) from waiting behind them.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * Environment.ProcessorCount + 8), io);
        return builder;
    }

    /// <summary>The silo-side registrations every silo needs, test clusters included.</summary>
    public static ISiloBuilder AddDistributedGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddActivityPropagation();
        var services = silo.Services;
        services.AddPlacementDirector<SiloBoundPlacement, SiloBoundPlacementDirector>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSectionOptions<DescriberOptions>();
        services.TryAddSingleton<IDescriberFactory, DescriberFactory>();
        services.AddSingleton<DescriberRegistry>();
        services.AddSingleton<IHealthCheckParticipant, DescriberHealth>();
        services.AddOptions<DescriptionStoreOptions>().BindConfiguration(StoreSectionName);
        services.AddSingleton<DescriptionStores>();
        services.AddSectionOptions<ImageSourceOptions>();
        services.AddSingleton(provider =>
        {
            var images = provider.GetRequiredService<IOptions<ImageSourceOptions>>().Value;
            var blobs = images.ResolveAzureConnectionString() is { Length: > 0 } connection ? new AzureBlobImageSource(connection) : null;
            return new ImageFetcher(blobSource: blobs, policy: images.Policy, maxBytes: images.MaxBytes);
        });
        services.AddSingleton<ShardProcessor>();
        services.AddSingleton<ICaptionPlanner, CaptionPlanner>();
        services.AddSectionOptions<CaptionOptions>();
        services.AddSingleton<GrainRingLinks>();
        services.AddSectionOptions<DataPlaneOptions>();
        services.AddSingleton<TrainerSessions>();

        // A cluster's membership provider may have chosen durable job storage and reminders already; else local ones.
        if (!services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, JobStorageName) && d.ServiceType == typeof(IGrainStorage)))
        {
            services.AddGrainStorage(JobStorageName, (provider, _) => new FileGrainStorage(
                Path.Combine(provider.GetRequiredService<IOptions<DataRootOptions>>().Value.FullRoot, "jobs"),
                provider.GetRequiredService<Serializer>()));
        }

        if (!services.Any(d => d.ServiceType == typeof(IReminderTable)))
        {
            silo.UseInMemoryReminderService();
        }

        return silo;
    }

    /// <summary>The configuration section of the description store's settings.</summary>
    public const string StoreSectionName = "Store";

    /// <summary>
    /// The grain storage that holds job state: files under the data root (embedded, localhost), or blobs in the
    /// cluster's storage account (Azure Storage membership; container <c>grainstate</c>).
    /// </summary>
    public const string JobStorageName = "jobs";

    private static ISiloBuilder ConfigureDistributedSilo(this ISiloBuilder silo, ClusterConnectionOptions cluster)
    {
        switch (cluster.Membership)
        {
            case MembershipProvider.Localhost:
                silo.UseLocalhostClustering(
                    PortOrFree(cluster.SiloPort), PortOrFree(cluster.GatewayPort),
                    serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                break;
            case MembershipProvider.AzureStorage:
                silo.UseAzureStorageClustering(o => o.TableServiceClient = AzureMembership.Tables(cluster));
                AzureMembership.ConfigureIdentity(silo.Services, cluster);
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort);

                // Job state and reminders must outlive any one silo and be readable from every other.
                silo.AddAzureBlobGrainStorage(JobStorageName, o => o.BlobServiceClient = AzureMembership.Blobs(cluster));
                silo.UseAzureTableReminderService(o => o.TableServiceClient = AzureMembership.Tables(cluster));
                break;
            case MembershipProvider.Redis:
                silo.UseRedisClustering(o => o.ConfigurationOptions = RedisMembership.Configuration(cluster));
                AzureMembership.ConfigureIdentity(silo.Services, cluster);
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort);
                break;
            default:
                throw new InvalidOperationException($"Cluster:Membership = {cluster.Membership} is not supported.");
        }

        return silo.AddDistributedGrains();
    }

    private static int PortOrFree(int port) => port != 0 ? port : FreePort.Next();
}
