using System.Runtime.CompilerServices;

namespace Distributed.Data.Manifests;

/// <summary>
/// Streams manifest rows (JSONL, CSV, Parquet) without loading the file: each row, or a
/// <see cref="ManifestRowError"/> in its place, so one bad line never stops the rest. A file that cannot be read at
/// all (missing, no id column, unreadable Parquet) throws.
/// </summary>
public static class ManifestReader
{
    /// <summary>Reads a standalone manifest file (format by extension, no implied split).</summary>
    public static IAsyncEnumerable<ManifestEntry> ReadAsync(string manifestPath, CancellationToken ct = default) =>
        ReadAsync(ManifestFile.FromPath(manifestPath), ct);

    /// <summary>Reads every row of <paramref name="file"/>.</summary>
    public static IAsyncEnumerable<ManifestEntry> ReadAsync(ManifestFile file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Format == ManifestFormat.Parquet
            ? ParquetManifestReader.ReadAsync(file.Path, file.Split, 0, -1, 0, ct)
            : TextManifestReader.ReadAsync(file.Path, file.Format, file.Split, 0, long.MaxValue, 0, 1, ct);
    }

    /// <summary>
    /// Reads exactly the rows of <paramref name="shard"/>, with global indices. Throws
    /// <see cref="InvalidDataException"/> when the file's length differs from the plan's, or at the end when the row
    /// count does (the file changed after planning).
    /// </summary>
    public static IAsyncEnumerable<ManifestEntry> ReadShardAsync(ShardSpec shard, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var length = new FileInfo(shard.ManifestPath).Length;
        if (shard.FileLength > 0 && length != shard.FileLength)
        {
            throw new InvalidDataException(
                $"Manifest '{shard.ManifestPath}' is {length} bytes, but was {shard.FileLength} when shard {shard.Index} was planned; plan again.");
        }

        var entries = shard.Format == ManifestFormat.Parquet
            ? ParquetManifestReader.ReadAsync(
                shard.ManifestPath, shard.Split, shard.FirstRowGroup, shard.RowGroupCount, shard.FirstRow, ct)
            : TextManifestReader.ReadAsync(
                shard.ManifestPath, shard.Format, shard.Split, shard.StartByte, shard.EndByte, shard.FirstRow,
                shard.FirstLine, ct);
        return CheckCountAsync(entries, shard, ct);
    }

    private static async IAsyncEnumerable<ManifestEntry> CheckCountAsync(
        IAsyncEnumerable<ManifestEntry> entries, ShardSpec shard, [EnumeratorCancellation] CancellationToken ct)
    {
        var count = 0;
        await foreach (var entry in entries.WithCancellation(ct).ConfigureAwait(false))
        {
            count++;
            yield return entry;
        }

        if (count != shard.RowCount)
        {
            throw new InvalidDataException(
                $"Shard {shard.Index} of '{shard.ManifestPath}' held {count} rows, but {shard.RowCount} were planned; " +
                "the manifest changed after planning.");
        }
    }
}
