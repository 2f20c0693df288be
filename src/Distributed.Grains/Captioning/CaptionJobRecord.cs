using Distributed.Abstractions.Captioning;

namespace Distributed.Grains.Captioning;

/// <summary>A caption job's persisted state: the plan, a bitmap of finished shards, counters and failures.</summary>
[GenerateSerializer, Alias("Distributed.CaptionJobRecord")]
public sealed class CaptionJobRecord
{
    [Id(0)] public CaptionJobSpec? Spec { get; set; }

    [Id(1)] public CaptionJobState State { get; set; } = CaptionJobState.NotStarted;

    [Id(2)] public List<ShardRange> Shards { get; set; } = [];

    /// <summary>Bit i set: shard i finished (its counts are in <see cref="Counts"/>).</summary>
    [Id(3)] public byte[] Done { get; set; } = [];

    [Id(4)] public CaptionCounts Counts { get; set; } = CaptionCounts.Zero;

    [Id(5)] public List<RowFailure> Failures { get; set; } = [];

    [Id(6)] public DateTimeOffset? StartedAt { get; set; }

    [Id(7)] public DateTimeOffset? FinishedAt { get; set; }

    [Id(8)] public string? Error { get; set; }

    [Id(9)] public long PlannedRows { get; set; }

    public bool IsDone(int shard) => (Done[shard >> 3] & (1 << (shard & 7))) != 0;

    public void MarkDone(int shard) => Done[shard >> 3] |= (byte)(1 << (shard & 7));

    public int DoneCount => Done.Sum(b => System.Numerics.BitOperations.PopCount(b));
}
