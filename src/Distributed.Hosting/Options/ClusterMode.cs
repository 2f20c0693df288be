namespace Distributed.Hosting.Options;

/// <summary>How a CLI process takes part in a cluster.</summary>
public enum ClusterMode
{
    /// <summary>The process hosts its own silo (the default: nothing else needs to run).</summary>
    Embedded,

    /// <summary>The process connects to running silos as an Orleans client.</summary>
    Client,
}

/// <summary>Where silos find each other.</summary>
public enum MembershipProvider
{
    /// <summary>Development clustering on loopback: one silo (embedded) or a client of one local silo.</summary>
    Localhost,

    /// <summary>Azure Storage tables (Azurite locally, Azure in production).</summary>
    AzureStorage,

    /// <summary>A Redis server (<c>Cluster:RedisConnectionString</c>); job state stays in files under each silo's data root.</summary>
    Redis,
}
