using Distributed.Hosting.Options;
using Distributed.Hosting.Security;
using Microsoft.Extensions.Hosting;

namespace Distributed.Hosting.Cluster;

/// <summary>Builds an Orleans client of a running cluster from configuration.</summary>
public static class ClientHosting
{
    public static IHostApplicationBuilder AddDistributedClient(this IHostApplicationBuilder builder, string serviceName = "distributed-cli")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = builder.Configuration.ReadSection<ClusterConnectionOptions>();
        var tls = builder.Configuration.ReadSection<ClusterTlsOptions>();
        builder.AddDistributedDefaults(serviceName);
        builder.Services.AddSectionOptions<ClusterTlsOptions>();
        builder.UseOrleansClient(client =>
        {
            client.AddActivityPropagation();
            switch (cluster.Membership)
            {
                case MembershipProvider.Localhost:
                    client.UseLocalhostClustering(
                        cluster.GatewayPort == 0 ? 30000 : cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                    break;
                case MembershipProvider.AzureStorage:
                    client.UseAzureStorageClustering(o => o.TableServiceClient = AzureMembership.Tables(cluster));
                    AzureMembership.ConfigureIdentity(client.Services, cluster);
                    break;
                case MembershipProvider.Redis:
                    client.UseRedisClustering(o => o.ConfigurationOptions = RedisMembership.Configuration(cluster));
                    AzureMembership.ConfigureIdentity(client.Services, cluster);
                    break;
                default:
                    throw new InvalidOperationException($"Cluster:Membership = {cluster.Membership} is not supported.");
            }

            client.UseClusterTls(tls);
        });
        return builder;
    }
}
