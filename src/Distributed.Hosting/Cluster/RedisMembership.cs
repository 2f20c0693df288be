using Distributed.Hosting.Options;
using StackExchange.Redis;

namespace Distributed.Hosting.Cluster;

/// <summary>Redis membership (Microsoft.Orleans.Clustering.Redis): the configuration string, parsed without connecting.</summary>
internal static class RedisMembership
{
    /// <exception cref="InvalidOperationException">The string is missing or malformed; the message names the key, not the value (it may hold a password).</exception>
    public static ConfigurationOptions Configuration(ClusterConnectionOptions cluster)
    {
        var text = cluster.ResolveRedisConnectionString()
            ?? throw new InvalidOperationException("Cluster:RedisConnectionString (or Cluster:RedisConnectionStringFile) is required when Cluster:Membership is Redis.");
        try
        {
            var options = ConfigurationOptions.Parse(text);
            // Silos start before Redis in some deployments: keep retrying instead of failing the first connect.
            options.AbortOnConnectFail = false;
            return options;
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Cluster:RedisConnectionString is not a valid StackExchange.Redis configuration string: {e.GetType().Name}.", e);
        }
    }
}
