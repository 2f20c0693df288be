using Orleans.Concurrency;

namespace Distributed.Abstractions.Captioning;

/// <summary>
/// A caption job (keyed by job id): plans shards, persists the plan and per-shard progress, runs shard grains with
/// bounded parallelism. Any client can start, watch, cancel or resume it.
/// </summary>
[Alias("Distributed.ICaptionJobGrain")]
public interface ICaptionJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job (plans it first); starting a started job with the same spec returns its status.</summary>
    [Alias("Start")]
    Task<CaptionJobStatus> StartAsync(CaptionJobSpec spec);

    /// <summary>Continues a job whose process or silo died, from its persisted progress.</summary>
    [Alias("Resume")]
    Task<CaptionJobStatus> ResumeAsync();

    [Alias("GetStatus")]
    Task<CaptionJobStatus> GetStatusAsync();

    [Alias("GetFailures")]
    Task<IReadOnlyList<RowFailure>> GetFailuresAsync();

    [Alias("Cancel")]
    Task<CaptionJobStatus> CancelAsync();

    /// <summary>A running shard's counts so far (for live progress; the shard's final result is what is persisted).</summary>
    [Alias("ReportProgress")]
    [OneWay]
    Task ReportProgressAsync(int shard, CaptionCounts counts);
}
