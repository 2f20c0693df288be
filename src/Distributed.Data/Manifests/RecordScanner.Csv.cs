namespace Distributed.Data.Manifests;

/// <summary>
/// The CSV half of the boundary rule, a forward-scan state machine over bytes: a <c>"</c> opens a quoted field only
/// at the start of a field (record start or after a comma); inside it, <c>""</c> is a literal quote and any other
/// <c>"</c> closes it; an LF ends the record unless inside a quoted field. A quote anywhere else is literal here
/// (the field parser then reports the row as malformed), so one stray quote cannot merge the following lines.
/// An unterminated quoted field runs to the end of the file and becomes one error row.
/// </summary>
internal sealed partial class RecordScanner
{
    private CsvState _state;

    private enum CsvState
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteSeen,
    }

    private int StepCsv(ReadOnlySpan<byte> span, out bool ended)
    {
        ended = false;
        var i = 0;
        while (i < span.Length)
        {
            var rest = span[i..];
            if (_state is CsvState.Quoted or CsvState.Unquoted)
            {
                var quoted = _state == CsvState.Quoted;
                var hit = quoted ? rest.IndexOfAny((byte)'"', (byte)'\n') : rest.IndexOfAny((byte)',', (byte)'\n');
                if (hit < 0)
                {
                    Take(rest);
                    return span.Length;
                }

                var found = rest[hit];
                if (found == (byte)'\n' && !quoted)
                {
                    Take(rest[..hit]);
                    NextLineNumber++;
                    ended = true;
                    return i + hit + 1;
                }

                Take(rest[..(hit + 1)]);
                i += hit + 1;
                if (found == (byte)'\n')
                {
                    NextLineNumber++;
                }
                else
                {
                    _state = quoted ? CsvState.QuoteSeen : CsvState.FieldStart;
                }

                continue;
            }

            var b = rest[0];
            if (b == (byte)'\n')
            {
                NextLineNumber++;
                ended = true;
                return i + 1;
            }

            Take(rest[..1]);
            i++;
            _state = b switch
            {
                (byte)'"' => CsvState.Quoted,
                (byte)',' => CsvState.FieldStart,
                _ => CsvState.Unquoted,
            };
        }

        return span.Length;
    }
}
