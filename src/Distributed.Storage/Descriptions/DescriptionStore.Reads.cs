using System.Runtime.CompilerServices;
using Distributed.Abstractions.Describing;

namespace Distributed.Storage.Descriptions;

/// <summary>Lookups, scans and statistics.</summary>
public sealed partial class DescriptionStore
{
    /// <summary>The subset of <paramref name="keys"/> that the store holds (a success or a permanent error). Index only; reads no rows.</summary>
    public async Task<IReadOnlySet<DescriptionKey>> ExistsAsync(IEnumerable<DescriptionKey> keys, CancellationToken cancellationToken = default)
    {
        var hashed = HashKeys(keys);
        await _catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var found = _catalog.Lookup(hashed.Keys);
        return found.Keys.Select(hash => hashed[hash]).ToHashSet();
    }

    /// <summary>The subset of <paramref name="keys"/> whose winning record is a success (error records excluded). Index only.</summary>
    public async Task<IReadOnlySet<DescriptionKey>> SucceededAsync(IEnumerable<DescriptionKey> keys, CancellationToken cancellationToken = default)
    {
        var hashed = HashKeys(keys);
        await _catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var found = _catalog.Lookup(hashed.Keys);
        return found.Where(p => p.Value.Segment.Kind(p.Value.Row) == RowKind.Success).Select(p => hashed[p.Key]).ToHashSet();
    }

    /// <summary>The winning record of each of <paramref name="keys"/> that the store holds; absent keys are left out.</summary>
    public async Task<IReadOnlyDictionary<DescriptionKey, DescriptionRecord>> GetAsync(IEnumerable<DescriptionKey> keys, CancellationToken cancellationToken = default)
    {
        var hashed = HashKeys(keys);
        await _catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var bySegment = _catalog.Lookup(hashed.Keys).Values
            .GroupBy(winner => winner.Segment)
            .ToDictionary(g => g.Key, g => g.Select(w => w.Row).Order().ToList());
        var results = new Dictionary<DescriptionKey, DescriptionRecord>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.ReadParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(bySegment, parallel, async (pair, ct) =>
        {
            var rows = await ReadRowsAsync(pair.Key, pair.Value, ct).ToListAsync(ct).ConfigureAwait(false);
            lock (results)
            {
                foreach (var (_, row) in rows)
                {
                    if (hashed.TryGetValue(KeyHash.Of(row.Record.Key), out var key) && key == row.Record.Key)
                    {
                        results[key] = row.Record;
                    }
                }
            }
        }).ConfigureAwait(false);
        return results;
    }

    /// <summary>Every present key's winning record, segment by segment (no particular key order).</summary>
    public async IAsyncEnumerable<DescriptionRecord> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (_, row) in ScanRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return row.Record;
        }
    }

    private async IAsyncEnumerable<(SegmentIndex Segment, StoredRow Row)> ScanRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _catalog.RefreshAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (segment, rows) in _catalog.Winners().OrderBy(p => p.Key.Name, StringComparer.Ordinal))
        {
            await foreach (var (_, row) in ReadRowsAsync(segment, rows, cancellationToken).ConfigureAwait(false))
            {
                yield return (segment, row);
            }
        }
    }

    private async IAsyncEnumerable<(int Index, StoredRow Row)> ReadRowsAsync(SegmentIndex segment, IReadOnlyList<int> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await _blobs.OpenReadAsync(segment.Name, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var row in SegmentFileReader.ReadRowsAsync(segment, stream, rows, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    private static Dictionary<UInt128, DescriptionKey> HashKeys(IEnumerable<DescriptionKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var hashed = new Dictionary<UInt128, DescriptionKey>();
        var i = 0;
        foreach (var key in keys)
        {
            hashed[KeyHash.Of(RecordValidation.CheckKey(key, i++))] = key;
        }

        return hashed;
    }
}
