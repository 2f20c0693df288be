using Distributed.Abstractions.Options;

namespace Distributed.Hosting.Options;

/// <summary>
/// Telemetry export. Bound from the <c>Telemetry</c> section. OTLP export is switched on by the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable (and configured by the other <c>OTEL_*</c> variables).
/// </summary>
public sealed class TelemetryOptions : IOptionsSection
{
    public static string SectionName => "Telemetry";

    /// <summary>Also write spans and metrics to the console (stdout). Default: false.</summary>
    public bool Console { get; set; }

    /// <summary>Service name on every span and metric. Default: the process's role (distributed-silo, distributed-cli).</summary>
    public string? ServiceName { get; set; }
}
