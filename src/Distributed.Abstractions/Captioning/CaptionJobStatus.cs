namespace Distributed.Abstractions.Captioning;

/// <summary>Where a caption job is.</summary>
public enum CaptionJobState { NotStarted, Planning, Running, Completed, Cancelled, Failed }

/// <summary>A caption job's progress, as any client sees it.</summary>
[GenerateSerializer, Immutable, Alias("Distributed.CaptionJobStatus")]
public sealed record CaptionJobStatus(
    [property: Id(0)] string JobId,
    [property: Id(1)] CaptionJobState State,
    [property: Id(2)] CaptionJobSpec? Spec,
    [property: Id(3)] int Shards,
    [property: Id(4)] int ShardsDone,
    [property: Id(5)] long PlannedRows,
    [property: Id(6)] CaptionCounts Counts,
    [property: Id(7)] DateTimeOffset? StartedAt,
    [property: Id(8)] DateTimeOffset? FinishedAt,
    [property: Id(9)] string? Error)
{
    public bool IsFinished => State is CaptionJobState.Completed or CaptionJobState.Cancelled or CaptionJobState.Failed;
}
