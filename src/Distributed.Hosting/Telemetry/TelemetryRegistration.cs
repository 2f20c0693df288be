using Distributed.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Distributed.Hosting.Telemetry;

/// <summary>OpenTelemetry wired once for silos and clients.</summary>
public static class TelemetryRegistration
{
    private const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddDistributedTelemetry(this IHostApplicationBuilder builder, string defaultServiceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.ReadSection<TelemetryOptions>();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (!otlp && !options.Console)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName ?? defaultServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource([.. TelemetryNames.TraceSources]);
                if (otlp) { tracing.AddOtlpExporter(); }
                if (options.Console) { tracing.AddConsoleExporter(); }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. TelemetryNames.Meters]);
                if (otlp) { metrics.AddOtlpExporter(); }
                if (options.Console) { metrics.AddConsoleExporter(); }
            });
        return builder;
    }
}
