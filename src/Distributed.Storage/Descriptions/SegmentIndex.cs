namespace Distributed.Storage.Descriptions;

/// <summary>
/// The in-memory index of one immutable segment: per row the key hash, created time, kind and origin — all the
/// dedup rule needs, without the text. Loaded once per segment and kept while the segment is live.
/// </summary>
internal sealed class SegmentIndex(
    string name,
    long size,
    UInt128[] hashes,
    long[] createdTicks,
    RowKind[] kinds,
    string?[] originSegments,
    int[] originRows,
    int[] rowGroupStarts)
{
    public string Name { get; } = name;

    public long Size { get; } = size;

    public int RowCount => hashes.Length;

    /// <summary>First row of each row group, ascending.</summary>
    public IReadOnlyList<int> RowGroupStarts { get; } = rowGroupStarts;

    public int Tombstones { get; } = kinds.Count(k => k == RowKind.Tombstone);

    public bool HasTombstones => Tombstones > 0;

    public UInt128 Hash(int row) => hashes[row];

    public RowKind Kind(int row) => kinds[row];

    public int RowGroupOf(int row)
    {
        var found = Array.BinarySearch(rowGroupStarts, row);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>
    /// Compares the earliest-wins order of two rows: created time, then origin segment name (ordinal), then origin
    /// row. Negative when this row is earlier.
    /// </summary>
    public int CompareOrder(int row, SegmentIndex other, int otherRow)
    {
        var byTime = createdTicks[row].CompareTo(other.CreatedTicks(otherRow));
        if (byTime != 0)
        {
            return byTime;
        }

        var bySegment = string.CompareOrdinal(OriginOf(row), other.OriginOf(otherRow));
        return bySegment != 0 ? bySegment : originRows[row].CompareTo(other.OriginRow(otherRow));
    }

    private long CreatedTicks(int row) => createdTicks[row];

    private string OriginOf(int row) => originSegments[row] ?? Name;

    private int OriginRow(int row) => originRows[row];
}
