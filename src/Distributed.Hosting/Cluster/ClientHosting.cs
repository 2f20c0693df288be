using Distributed.Hosting.Options;
using Microsoft.Extensions.Hosting;

namespace Distributed.Hosting.Cluster;

/// <summary>Builds an Orleans client of a running cluster from configuration.</summary>
public static class ClientHosting
{
    public static IHostApplicationBuilder AddDistributedClient(this IHostApplicationBuilder builder, string serviceName = "distributed-cli")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = builder.Configuration.ReadSection<ClusterConnectionOptions>();
        builder.AddDistributedDefaults(serviceName);
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
                default:
                    throw new InvalidOperationException($"Cluster:Membership = {cluster.Membership} is not supported.");
            }
        });
        return builder;
    }
}
