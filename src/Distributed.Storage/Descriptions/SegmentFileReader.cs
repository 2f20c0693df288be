using System.Runtime.CompilerServices;
using Distributed.Abstractions.Describing;
using Parquet;

namespace Distributed.Storage.Descriptions;

/// <summary>Reads layout-v1 segments: the index columns only, or whole rows of the row groups that hold wanted rows.</summary>
internal static class SegmentFileReader
{
    public static async Task<SegmentIndex> ReadIndexAsync(string name, long size, Stream stream, CancellationToken cancellationToken)
    {
        var reader = await OpenAsync(name, stream, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var starts = new int[reader.RowGroupCount];
            var hashes = new List<UInt128>();
            var ticks = new List<long>();
            var kinds = new List<RowKind>();
            var origins = new List<string?>();
            var originRows = new List<int>();
            var interned = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                starts[g] = hashes.Count;
                using var group = reader.OpenRowGroupReader(g);
                var n = (int)group.RowCount;
                var high = new long[n];
                var low = new long[n];
                var created = new DateTime[n];
                var kind = new int[n];
                var origin = new string[n];
                var originRow = new int[n];
                await group.ReadAsync<long>(SegmentSchema.KeyHashHigh, high, cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.ReadAsync<long>(SegmentSchema.KeyHashLow, low, cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.ReadAsync<DateTime>(SegmentSchema.CreatedAt, created, cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.ReadAsync<int>(SegmentSchema.RecordKind, kind, cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.ReadAsync(SegmentSchema.OriginSegment, origin, cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.ReadAsync<int>(SegmentSchema.OriginRow, originRow, cancellationToken: cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < n; i++)
                {
                    hashes.Add(KeyHash.From(high[i], low[i]));
                    ticks.Add(created[i].Ticks);
                    kinds.Add(kind[i] is >= 0 and <= 2 ? (RowKind)kind[i] : throw new InvalidDataException($"Segment '{name}' has an unknown record_kind {kind[i]}."));
                    origins.Add(origin[i] is null ? null : interned.TryGetValue(origin[i], out var same) ? same : interned[origin[i]] = origin[i]);
                    originRows.Add(originRow[i]);
                }
            }

            return new SegmentIndex(name, size, [.. hashes], [.. ticks], [.. kinds], [.. origins], [.. originRows], starts);
        }
    }

    /// <summary>Yields (row index, row) for the ascending <paramref name="rows"/>, reading only their row groups.</summary>
    public static async IAsyncEnumerable<(int Index, StoredRow Row)> ReadRowsAsync(
        SegmentIndex index, Stream stream, IReadOnlyList<int> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = await OpenAsync(index.Name, stream, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var next = 0;
            while (next < rows.Count)
            {
                var g = index.RowGroupOf(rows[next]);
                var start = index.RowGroupStarts[g];
                var group = await ReadGroupAsync(index.Name, reader, g, cancellationToken).ConfigureAwait(false);
                for (; next < rows.Count && rows[next] < start + group.Count; next++)
                {
                    yield return (rows[next], group.Row(rows[next] - start));
                }
            }
        }
    }

    private static async Task<RowGroupRows> ReadGroupAsync(string name, ParquetReader reader, int group, CancellationToken cancellationToken)
    {
        try
        {
            return await RowGroupRows.ReadAsync(reader, group, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidDataException($"Segment '{name}': row group {group} could not be read: {e.Message}", e);
        }
    }

    private static async Task<ParquetReader> OpenAsync(string name, Stream stream, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidDataException($"Segment '{name}' is not a readable Parquet file: {e.Message}", e);
        }

        if (!reader.CustomMetadata.TryGetValue(SegmentSchema.LayoutMetadataKey, out var layout) || layout != SegmentSchema.LayoutVersion)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw new InvalidDataException($"Segment '{name}' is not a layout-v{SegmentSchema.LayoutVersion} description segment (layout: {layout ?? "none"}).");
        }

        return reader;
    }
}
