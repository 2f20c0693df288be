using Distributed.Abstractions.Describing;

namespace Distributed.Storage.Descriptions;

/// <summary>
/// One row of a segment: a record, or a tombstone (its <see cref="DescriptionRecord.CreatedAt"/> is the deletion
/// time and the other fields are empty). Compaction copies a row with its origin (segment, row) so that the
/// earliest-wins order — created time, then origin segment, then origin row — never changes when rows move.
/// </summary>
/// <param name="Record">The record (for a tombstone: the key and deletion time).</param>
/// <param name="IsTombstone">Whether the row withdraws its key.</param>
/// <param name="OriginSegment">The segment the row was first written to; null means the segment it is in.</param>
/// <param name="OriginRow">The row index in the origin segment.</param>
internal sealed record StoredRow(DescriptionRecord Record, bool IsTombstone, string? OriginSegment, int OriginRow)
{
    /// <summary>A tombstone for <paramref name="key"/> at <paramref name="deletedAt"/>.</summary>
    public static StoredRow Tombstone(DescriptionKey key, DateTimeOffset deletedAt, int row) =>
        new(new DescriptionRecord(key, "", null, null, null, "", deletedAt, 0, null, null), true, null, row);
}

/// <summary>What a row is, as stored in the <c>record_kind</c> column.</summary>
internal enum RowKind : byte
{
    Success = 0,
    Error = 1,
    Tombstone = 2,
}
