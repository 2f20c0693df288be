using System.Runtime.CompilerServices;
using Parquet;

namespace Distributed.Data.Manifests;

/// <summary>
/// Cuts a manifest file into shards of about <c>shardRows</c> rows (default 1000) with memory independent of the
/// row count. JSONL/CSV: one buffered forward scan of the bytes (see <see cref="RecordScanner"/> for the boundary
/// rule), shards of exactly <c>shardRows</c> rows except the last. Parquet: footer metadata only; a shard is one or
/// more whole row groups, closed once it holds at least <c>shardRows</c> rows (a large row group is one shard).
/// </summary>
public static class ShardPlanner
{
    /// <summary>Default rows per shard.</summary>
    public const int DefaultShardRows = 1000;

    /// <summary>Plans a standalone manifest file (format by extension).</summary>
    public static IAsyncEnumerable<ShardSpec> PlanAsync(
        string manifestPath, int shardRows = DefaultShardRows, CancellationToken ct = default) =>
        PlanAsync(ManifestFile.FromPath(manifestPath), shardRows, ct);

    /// <summary>Plans <paramref name="file"/>; shards carry its implied split.</summary>
    public static IAsyncEnumerable<ShardSpec> PlanAsync(
        ManifestFile file, int shardRows = DefaultShardRows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardRows, 1);
        if (!File.Exists(file.Path))
        {
            throw new FileNotFoundException($"Manifest '{file.Path}' does not exist.", file.Path);
        }

        var shards = file.Format == ManifestFormat.Parquet ? PlanParquetAsync(file, shardRows, ct) : PlanTextAsync(file, shardRows, ct);
        return StampAsync(shards, new FileInfo(file.Path).Length, ct);
    }

    private static async IAsyncEnumerable<ShardSpec> StampAsync(
        IAsyncEnumerable<ShardSpec> shards, long length, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var shard in shards.WithCancellation(ct).ConfigureAwait(false))
        {
            yield return shard with { FileLength = length };
        }
    }

    private static async IAsyncEnumerable<ShardSpec> PlanTextAsync(
        ManifestFile file, int shardRows, [EnumeratorCancellation] CancellationToken ct)
    {
        long start = 0, line = 1;
        if (file.Format == ManifestFormat.Csv)
        {
            var header = await CsvHeader.ReadAsync(file.Path, ct).ConfigureAwait(false);
            if (header is null)
            {
                yield break;
            }

            (start, line) = (header.DataStart, header.DataFirstLine);
        }

        var scanner = await RecordScanner.OpenAsync(
            file.Path, start, line, file.Format == ManifestFormat.Csv, capture: false, ct).ConfigureAwait(false);
        await using (scanner.ConfigureAwait(false))
        {
            var (shardStart, shardLine, firstRow, rows, index) = (scanner.Position, line, 0L, 0, 0);
            while (await scanner.MoveNextAsync(ct).ConfigureAwait(false))
            {
                if (!scanner.IsBlank && ++rows == shardRows)
                {
                    yield return Text(file, index++, shardStart, scanner.End, firstRow, rows, shardLine);
                    (shardStart, shardLine, firstRow, rows) = (scanner.End, scanner.NextLineNumber, firstRow + rows, 0);
                }
            }

            if (rows > 0)
            {
                yield return Text(file, index, shardStart, scanner.Position, firstRow, rows, shardLine);
            }
        }
    }

    private static ShardSpec Text(ManifestFile file, int index, long start, long end, long firstRow, int rows, long line) =>
        new(index, file.Path, file.Format, start, end, firstRow, rows) { FirstLine = line, Split = file.Split };

    private static async IAsyncEnumerable<ShardSpec> PlanParquetAsync(
        ManifestFile file, int shardRows, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = await ParquetReader.CreateAsync(file.Path, cancellationToken: ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var (firstGroup, firstRow, rows, index) = (0, 0L, 0L, 0);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                rows += reader.RowGroups[g].RowCount;
                if (rows >= shardRows || g == reader.RowGroupCount - 1)
                {
                    if (rows > 0)
                    {
                        yield return new ShardSpec(index++, file.Path, file.Format, 0, 0, firstRow, checked((int)rows))
                        {
                            FirstRowGroup = firstGroup, RowGroupCount = g - firstGroup + 1, Split = file.Split,
                        };
                    }

                    (firstGroup, firstRow, rows) = (g + 1, firstRow + rows, 0);
                }
            }
        }
    }
}
