using Distributed.Hosting.Options;
using Distributed.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Distributed.Hosting.Cluster;

/// <summary>What every process (silo or client) registers: validated options and telemetry.</summary>
public static class DefaultsRegistration
{
    public static IHostApplicationBuilder AddDistributedDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSectionOptions<ClusterConnectionOptions>();
        builder.Services.AddSectionOptions<DataRootOptions>();
        builder.Services.AddSectionOptions<TelemetryOptions>();
        builder.AddDistributedTelemetry(serviceName);
        return builder;
    }
}
