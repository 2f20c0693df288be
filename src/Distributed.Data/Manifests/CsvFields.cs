using System.Text;

namespace Distributed.Data.Manifests;

/// <summary>
/// Splits one CSV record (RFC 4180) into fields: comma-separated; a field that starts with <c>"</c> is quoted,
/// may hold commas, CR/LF and doubled quotes (<c>""</c> → <c>"</c>), and must be followed by a comma or the end
/// of the record. A quote inside an unquoted field is an error. Fields are not trimmed.
/// </summary>
internal static class CsvFields
{
    /// <summary>Strict UTF-8: invalid bytes throw instead of becoming U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Fills <paramref name="fields"/>; on malformed quoting returns false with a problem naming the 1-based column.</summary>
    public static bool TrySplit(string record, List<string> fields, out string? problem)
    {
        fields.Clear();
        problem = null;
        var i = 0;
        var builder = new StringBuilder();
        while (true)
        {
            var column = fields.Count + 1;
            if (i < record.Length && record[i] == '"')
            {
                builder.Clear();
                i++;
                while (true)
                {
                    var quote = record.IndexOf('"', i);
                    if (quote < 0)
                    {
                        problem = $"unterminated quoted field in column {column}";
                        return false;
                    }

                    builder.Append(record, i, quote - i);
                    i = quote + 1;
                    if (i < record.Length && record[i] == '"')
                    {
                        builder.Append('"');
                        i++;
                        continue;
                    }

                    break;
                }

                fields.Add(builder.ToString());
                if (i == record.Length)
                {
                    return true;
                }

                if (record[i] != ',')
                {
                    problem = $"unexpected character '{record[i]}' after the closing quote in column {column}";
                    return false;
                }

                i++;
                continue;
            }

            var comma = record.IndexOf(',', i);
            var end = comma < 0 ? record.Length : comma;
            if (record.AsSpan(i, end - i).Contains('"'))
            {
                problem = $"quote inside unquoted field in column {column}";
                return false;
            }

            fields.Add(record[i..end]);
            if (comma < 0)
            {
                return true;
            }

            i = comma + 1;
        }
    }
}
