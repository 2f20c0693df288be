using System.Runtime.CompilerServices;

namespace Distributed.Data.Manifests;

/// <summary>Streams JSONL or CSV rows from a byte range that starts at a record start (see <see cref="RecordScanner"/>).</summary>
internal static class TextManifestReader
{
    /// <summary>
    /// Reads records whose start lies in [<paramref name="startByte"/>, <paramref name="endByte"/>), numbering rows
    /// from <paramref name="firstRow"/> and lines from <paramref name="firstLine"/>. For CSV, the header is re-read from
    /// byte 0 and a <paramref name="startByte"/> before the first data record is moved to it.
    /// </summary>
    public static async IAsyncEnumerable<ManifestEntry> ReadAsync(
        string path, ManifestFormat format, string? impliedSplit, long startByte, long endByte, long firstRow, long firstLine,
        [EnumeratorCancellation] CancellationToken ct)
    {
        CsvRowParser? csv = null;
        if (format == ManifestFormat.Csv)
        {
            var header = await CsvHeader.ReadAsync(path, ct).ConfigureAwait(false);
            if (header is null)
            {
                yield break;
            }

            csv = new CsvRowParser(header);
            if (startByte < header.DataStart)
            {
                (startByte, firstLine) = (header.DataStart, header.DataFirstLine);
            }
        }

        var scanner = await RecordScanner.OpenAsync(path, startByte, firstLine, csv is not null, capture: true, ct)
            .ConfigureAwait(false);
        await using (scanner.ConfigureAwait(false))
        {
            var index = firstRow;
            while (scanner.Position < endByte && await scanner.MoveNextAsync(ct).ConfigureAwait(false))
            {
                if (scanner.IsBlank)
                {
                    continue;
                }

                var source = new RowSource(path, index++, scanner.LineNumber);
                if (scanner.IsTooLong)
                {
                    yield return source.Error($"the record is longer than {RecordScanner.DefaultMaxRecordBytes} bytes");
                }
                else
                {
                    yield return csv is null
                        ? JsonlRowParser.Parse(scanner.Content, source, impliedSplit)
                        : csv.Parse(scanner.Content, source, impliedSplit);
                }
            }
        }
    }
}
