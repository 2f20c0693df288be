using Microsoft.Extensions.Configuration;

namespace Distributed.Hosting.Cluster;

/// <summary>
/// Chooses the cluster a process belongs to: a configuration file named by <c>--cluster</c> or the
/// <c>DISTRIBUTED_CLUSTER</c> environment variable (see cluster-config/); neither means embedded.
/// </summary>
public static class ClusterConfiguration
{
    public const string EnvironmentVariable = "DISTRIBUTED_CLUSTER";
    public const string DataRootVariable = "DISTRIBUTED_DATA_ROOT";

    /// <summary>The cluster file to use, or null for embedded.</summary>
    public static string? Resolve(string? explicitPath) =>
        !string.IsNullOrWhiteSpace(explicitPath) ? explicitPath
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>
    /// Adds the cluster file (if any), then the environment and the command line again, so environment variables
    /// (secrets such as <c>Cluster__AzureStorageConnectionString</c>) and <c>--Section:Key value</c> arguments override
    /// the file; <c>DISTRIBUTED_DATA_ROOT</c> sets Data:Root.
    /// </summary>
    /// <exception cref="FileNotFoundException">The named cluster file does not exist.</exception>
    public static IConfigurationBuilder AddDistributedSources(
        this IConfigurationBuilder configuration, string? clusterFile, string[]? commandLine = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (clusterFile is not null)
        {
            var full = Path.GetFullPath(clusterFile);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"Cluster configuration file '{clusterFile}' does not exist (from --cluster or {EnvironmentVariable}).", full);
            }

            configuration.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        configuration.AddEnvironmentVariables();
        if (Environment.GetEnvironmentVariable(DataRootVariable) is { Length: > 0 } dataRoot)
        {
            configuration.AddInMemoryCollection([new("Data:Root", dataRoot)]);
        }

        if (commandLine is { Length: > 0 })
        {
            configuration.AddCommandLine(commandLine);
        }

        return configuration;
    }
}
