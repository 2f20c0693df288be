using System.Diagnostics.Metrics;

namespace Distributed.Grains.Captioning;

/// <summary>The captioning metrics (meter <c>Distributed.Captioning</c>, exported with every <c>Distributed.*</c> meter).</summary>
public static class CaptionInstruments
{
    public const string MeterName = "Distributed.Captioning";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> ImagesDescribed = Meter.CreateCounter<long>(
        "distributed.caption.described", "{image}", "Images described and stored by caption jobs");

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "distributed.caption.cache_hits", "{row}", "Rows whose description the store already had");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "distributed.caption.failures", "{row}", "Rows that failed, by reason and kind (permanent or transient)");

    public static readonly Histogram<double> BackendLatency = Meter.CreateHistogram<double>(
        "distributed.describer.latency", "ms", "Describer backend latency per request, retries included");

    public static readonly UpDownCounter<long> InFlight = Meter.CreateUpDownCounter<long>(
        "distributed.describer.in_flight", "{request}", "Describe requests being served by backends");

    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>(
        "distributed.describer.queue_wait", "ms", "Time a shard's request waited for a free slot at its describer");
}
