using System.Globalization;
using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace Distributed.Data.Manifests;

/// <summary>
/// Streams Parquet manifest rows one row group at a time (memory bounded by the largest row group). Top-level
/// columns are matched by name, case-insensitively: <c>id</c> required (string or integer), <c>text</c>,
/// <c>image</c>, <c>split</c> (strings) and <c>label</c> (string or integer) optional; others are ignored.
/// </summary>
internal static class ParquetManifestReader
{
    /// <summary>Reads <paramref name="groupCount"/> row groups from <paramref name="firstGroup"/> (-1 = to the end).</summary>
    public static async IAsyncEnumerable<ManifestEntry> ReadAsync(
        string path, string? impliedSplit, int firstGroup, int groupCount, long firstRow,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var fields = reader.Schema.Fields.OfType<DataField>().Where(f => !f.IsArray).ToList();
            DataField? Find(string name) =>
                fields.Find(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            var id = Find("id") ?? throw new InvalidDataException($"Parquet manifest '{path}' has no 'id' column.");
            DataField?[] columns = [id, Find("text"), Find("image"), Find("label"), Find("split")];
            var lastGroup = groupCount < 0 ? reader.RowGroupCount : Math.Min(reader.RowGroupCount, firstGroup + groupCount);
            var index = firstRow;
            for (var g = firstGroup; g < lastGroup; g++)
            {
                var values = new string?[columns.Length][];
                int rows;
                using (var group = reader.OpenRowGroupReader(g))
                {
                    rows = checked((int)group.RowCount);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        values[c] = columns[c] is { } field
                            ? await ReadStringsAsync(group, field, rows, path, ct).ConfigureAwait(false)
                            : new string?[rows];
                    }
                }

                for (var r = 0; r < rows; r++)
                {
                    yield return RowFactory.Create(
                        new RowSource(path, index++, null),
                        values[0][r], values[1][r], values[2][r], values[3][r], values[4][r], impliedSplit);
                }
            }
        }
    }

    private static async Task<string?[]> ReadStringsAsync(
        ParquetRowGroupReader group, DataField field, int rows, string path, CancellationToken ct)
    {
        var type = field.ClrType;
        if (type == typeof(ReadOnlyMemory<char>) || type == typeof(string))
        {
            var strings = new string?[rows];
            await group.ReadAsync(field, strings.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return strings;
        }

        if (type == typeof(long))
        {
            var longs = new long?[rows];
            await group.ReadAsync<long>(field, longs.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return [.. longs.Select(v => v?.ToString(CultureInfo.InvariantCulture))];
        }

        if (type == typeof(int))
        {
            var ints = new int?[rows];
            await group.ReadAsync<int>(field, ints.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            return [.. ints.Select(v => v?.ToString(CultureInfo.InvariantCulture))];
        }

        throw new InvalidDataException(
            $"Parquet manifest '{path}': column '{field.Name}' has type {type.Name}; expected a string or an integer.");
    }
}
