using System.CommandLine;
using Distributed.Hosting.Cluster;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli;

/// <summary>The configuration a command runs with: cluster file, environment, --set overrides, --data-root, --read-only.</summary>
public static class CliConfiguration
{
    public static ConfigurationManager Build(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var configuration = new ConfigurationManager();
        configuration.AddDistributedSources(ClusterConfiguration.Resolve(parse.GetValue(GlobalOptions.Cluster)));
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in parse.GetValue(GlobalOptions.Set) ?? [])
        {
            var split = setting.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                throw new ArgumentException($"--set '{setting}' is not of the form Section:Key=value.");
            }

            overrides[setting[..split].Trim()] = setting[(split + 1)..];
        }

        if (parse.GetValue(GlobalOptions.DataRoot) is { Length: > 0 } dataRoot)
        {
            overrides["Data:Root"] = dataRoot;
        }

        if (parse.GetValue(GlobalOptions.ReadOnly))
        {
            overrides["Store:ReadOnly"] = "true";
        }

        configuration.AddInMemoryCollection(overrides);
        return configuration;
    }
}
