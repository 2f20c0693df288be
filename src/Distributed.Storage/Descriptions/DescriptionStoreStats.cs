namespace Distributed.Storage.Descriptions;

/// <summary>What a store holds, over its live segments.</summary>
/// <param name="Rows">Raw description rows (errors included, tombstones not), before deduplication.</param>
/// <param name="Tombstones">Tombstone rows (withdrawn keys) not yet dropped by compaction.</param>
/// <param name="UniqueKeys">Keys that read as present (successes plus errors).</param>
/// <param name="Errors">Keys whose winning record is an error.</param>
/// <param name="Segments">Live segments (corrupt ones excluded).</param>
/// <param name="Bytes">Total size of the live segments.</param>
/// <param name="ByDescriber">Present keys per describer id.</param>
/// <param name="ByPromptVersion">Present keys per prompt version.</param>
/// <param name="RetiredSegments">Segments replaced by compaction that still await deletion.</param>
/// <param name="CorruptSegments">Segments skipped because they could not be read, each with its error (names the segment).</param>
public sealed record DescriptionStoreStats(
    long Rows,
    long Tombstones,
    long UniqueKeys,
    long Errors,
    int Segments,
    long Bytes,
    IReadOnlyDictionary<string, long> ByDescriber,
    IReadOnlyDictionary<string, long> ByPromptVersion,
    int RetiredSegments,
    IReadOnlyList<CorruptSegment> CorruptSegments);

/// <summary>A segment that could not be read; its rows are left out of every answer until it is repaired or removed.</summary>
public sealed record CorruptSegment(string Name, string Error);

/// <summary>What a compaction did.</summary>
/// <param name="Published">True when the new segment set was published; false when there was nothing to merge or another compaction won.</param>
/// <param name="InputSegments">Segments merged (and retired) by this compaction.</param>
/// <param name="OutputSegments">Compacted segments written.</param>
/// <param name="OutputRows">Rows written (one per present key).</param>
/// <param name="PurgedSegments">Retired segments past their grace period that were deleted.</param>
public sealed record CompactionResult(bool Published, int InputSegments, int OutputSegments, long OutputRows, int PurgedSegments);

/// <summary>Formats of <see cref="DescriptionStore.ExportAsync"/>.</summary>
public enum ExportFormat
{
    /// <summary>One JSON object per line, snake_case fields.</summary>
    Jsonl,

    /// <summary>A Parquet file with the segment columns.</summary>
    Parquet,
}
