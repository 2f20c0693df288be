namespace Distributed.Hosting.Telemetry;

/// <summary>The trace sources and meters exported by every process.</summary>
public static class TelemetryNames
{
    /// <summary>Prefix of every ActivitySource and Meter this product's libraries create.</summary>
    public const string ProductPrefix = "Distributed";

    public static readonly IReadOnlyList<string> TraceSources =
    [
        Orleans.Diagnostics.ActivitySources.ApplicationGrainActivitySourceName,
        Orleans.Diagnostics.ActivitySources.RuntimeActivitySourceName,
        Orleans.Diagnostics.ActivitySources.LifecycleActivitySourceName,
        Orleans.Diagnostics.ActivitySources.StorageActivitySourceName,
        ProductPrefix + ".*",
    ];

    public static readonly IReadOnlyList<string> Meters = ["Microsoft.Orleans", ProductPrefix + ".*"];
}
