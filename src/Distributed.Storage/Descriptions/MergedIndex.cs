namespace Distributed.Storage.Descriptions;

/// <summary>
/// Key hash → winning row over a set of segment indexes, by the store's one rule: a tombstone hides every row of its
/// key that is earlier than it; among the rest a success beats an error, and among equals the earliest (created time,
/// origin segment, origin row) wins. Segments without tombstones merge incrementally; a segment with tombstones
/// (or a removed segment) needs <see cref="Build"/>. Not thread-safe: the owner serialises access.
/// </summary>
internal sealed class MergedIndex
{
    private readonly Dictionary<UInt128, RowRef> _winners = [];
    private readonly Dictionary<UInt128, RowRef> _tombstones = [];

    public int Count => _winners.Count;

    public static MergedIndex Build(IEnumerable<SegmentIndex> segments)
    {
        var merged = new MergedIndex();
        var all = segments.ToList();
        foreach (var segment in all.Where(s => s.HasTombstones))
        {
            for (var row = 0; row < segment.RowCount; row++)
            {
                if (segment.Kind(row) == RowKind.Tombstone)
                {
                    var candidate = new RowRef(segment, row);
                    var hash = segment.Hash(row);
                    if (!merged._tombstones.TryGetValue(hash, out var current) || candidate.CompareOrder(current) > 0)
                    {
                        merged._tombstones[hash] = candidate;
                    }
                }
            }
        }

        foreach (var segment in all)
        {
            merged.AddRows(segment);
        }

        return merged;
    }

    /// <summary>Adds a segment that has no tombstones.</summary>
    public void AddRows(SegmentIndex segment)
    {
        for (var row = 0; row < segment.RowCount; row++)
        {
            if (segment.Kind(row) == RowKind.Tombstone)
            {
                continue;
            }

            var candidate = new RowRef(segment, row);
            var hash = segment.Hash(row);
            if (_tombstones.TryGetValue(hash, out var tombstone) && candidate.CompareOrder(tombstone) <= 0)
            {
                continue;
            }

            if (!_winners.TryGetValue(hash, out var current) || candidate.Beats(current))
            {
                _winners[hash] = candidate;
            }
        }
    }

    public bool TryGetWinner(UInt128 hash, out RowRef winner) => _winners.TryGetValue(hash, out winner);

    /// <summary>The winning rows grouped by segment, rows ascending.</summary>
    public Dictionary<SegmentIndex, List<int>> WinnersBySegment()
    {
        var grouped = new Dictionary<SegmentIndex, List<int>>();
        foreach (var winner in _winners.Values)
        {
            if (!grouped.TryGetValue(winner.Segment, out var rows))
            {
                grouped[winner.Segment] = rows = [];
            }

            rows.Add(winner.Row);
        }

        foreach (var rows in grouped.Values)
        {
            rows.Sort();
        }

        return grouped;
    }
}

/// <summary>One row of one segment.</summary>
internal readonly record struct RowRef(SegmentIndex Segment, int Row)
{
    public int CompareOrder(RowRef other) => Segment.CompareOrder(Row, other.Segment, other.Row);

    /// <summary>A success beats an error; among equals the earlier row wins.</summary>
    public bool Beats(RowRef other)
    {
        var mineIsError = Segment.Kind(Row) == RowKind.Error;
        var otherIsError = other.Segment.Kind(other.Row) == RowKind.Error;
        return mineIsError != otherIsError ? !mineIsError : CompareOrder(other) < 0;
    }
}
