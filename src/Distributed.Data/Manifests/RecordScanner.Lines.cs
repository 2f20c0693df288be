using System.Buffers;

namespace Distributed.Data.Manifests;

/// <summary>The JSONL half of the boundary rule (a record ends at each LF) and the content bookkeeping both halves share.</summary>
internal sealed partial class RecordScanner
{
    private void Take(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }

        if (IsBlank && chunk.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') >= 0)
        {
            IsBlank = false;
        }

        if (!_capture || IsTooLong)
        {
            return;
        }

        if (_content.WrittenCount + chunk.Length > _maxRecordBytes)
        {
            IsTooLong = true;
            _content.ResetWrittenCount();
            return;
        }

        _content.Write(chunk);
    }

    private int StepLines(ReadOnlySpan<byte> span, out bool ended)
    {
        var lf = span.IndexOf((byte)'\n');
        ended = lf >= 0;
        Take(ended ? span[..lf] : span);
        if (!ended)
        {
            return span.Length;
        }

        NextLineNumber++;
        return lf + 1;
    }
}
