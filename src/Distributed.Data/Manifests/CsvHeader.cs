using System.Text;

namespace Distributed.Data.Manifests;

/// <summary>
/// A CSV manifest's header: the first non-blank record, column names matched case-insensitively after trimming
/// (<c>id</c> required; <c>text</c>, <c>image</c>, <c>label</c>, <c>split</c> optional; others ignored).
/// <see cref="DataStart"/> and <see cref="DataFirstLine"/> locate the first data record.
/// </summary>
internal sealed record CsvHeader(int FieldCount, int Id, int Text, int Image, int Label, int Split, long DataStart, long DataFirstLine)
{
    /// <summary>Reads the header from byte 0; null for a file with no records. Throws <see cref="InvalidDataException"/> naming the file.</summary>
    public static async Task<CsvHeader?> ReadAsync(string path, CancellationToken ct)
    {
        var scanner = await RecordScanner.OpenAsync(path, 0, 1, quoteAware: true, capture: true, ct).ConfigureAwait(false);
        await using (scanner.ConfigureAwait(false))
        {
            while (await scanner.MoveNextAsync(ct).ConfigureAwait(false))
            {
                if (scanner.IsBlank)
                {
                    continue;
                }

                var where = $"{path}:{scanner.LineNumber}";
                if (scanner.IsTooLong)
                {
                    throw new InvalidDataException($"{where}: the CSV header is longer than {RecordScanner.DefaultMaxRecordBytes} bytes.");
                }

                string text;
                try
                {
                    text = CsvFields.StrictUtf8.GetString(scanner.Content.Span);
                }
                catch (DecoderFallbackException ex)
                {
                    throw new InvalidDataException($"{where}: the CSV header is not valid UTF-8.", ex);
                }

                var names = new List<string>();
                if (!CsvFields.TrySplit(text, names, out var problem))
                {
                    throw new InvalidDataException($"{where}: malformed CSV header: {problem}.");
                }

                var trimmed = names.Select(n => n.Trim()).ToList();
                int Find(string name)
                {
                    var matches = trimmed.FindAll(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).Count;
                    return matches > 1
                        ? throw new InvalidDataException($"{where}: the CSV header names column '{name}' {matches} times.")
                        : trimmed.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                }

                var id = Find("id");
                if (id < 0)
                {
                    throw new InvalidDataException($"{where}: the CSV header has no 'id' column (found: {string.Join(", ", trimmed)}).");
                }

                return new CsvHeader(
                    names.Count, id, Find("text"), Find("image"), Find("label"), Find("split"), scanner.End, scanner.NextLineNumber);
            }

            return null;
        }
    }
}
