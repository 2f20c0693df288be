using System.Buffers;

namespace Distributed.Data.Manifests;

/// <summary>
/// Splits a manifest file's bytes into records with bounded memory, tracking byte offsets and line numbers.
/// Boundary rule (shared by the planner and the readers, so shard edges always fall on record starts, found by a
/// forward scan): a JSONL record ends at an LF byte; a CSV record (<c>quoteAware</c>) ends at an LF outside a
/// quoted field (see <c>RecordScanner.Csv.cs</c>). A trailing CR is dropped from the content.
/// A UTF-8 BOM at byte 0 is skipped. A record longer than the cap is flagged, not buffered.
/// </summary>
internal sealed partial class RecordScanner : IAsyncDisposable
{
    /// <summary>Default cap on one record's bytes: 16 MiB.</summary>
    public const int DefaultMaxRecordBytes = 16 * 1024 * 1024;

    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _quoteAware;
    private readonly bool _capture;
    private readonly int _maxRecordBytes;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly ArrayBufferWriter<byte> _content = new();
    private int _pos;
    private int _len;
    private long _bufferStart;

    private RecordScanner(Stream stream, long offset, long firstLine, bool quoteAware, bool capture, int maxRecordBytes)
    {
        _stream = stream;
        _bufferStart = offset;
        NextLineNumber = firstLine;
        _quoteAware = quoteAware;
        _capture = capture;
        _maxRecordBytes = maxRecordBytes;
    }

    /// <summary>Byte offset where the current record starts.</summary>
    public long Start { get; private set; }

    /// <summary>Byte offset just after the current record's terminating LF (or end of file).</summary>
    public long End { get; private set; }

    /// <summary>1-based line number where the current record starts.</summary>
    public long LineNumber { get; private set; }

    /// <summary>1-based line number of the next record's first line.</summary>
    public long NextLineNumber { get; private set; }

    /// <summary>True when the record holds only spaces, tabs and CR.</summary>
    public bool IsBlank { get; private set; }

    /// <summary>True when the record exceeded the byte cap; its content is then empty.</summary>
    public bool IsTooLong { get; private set; }

    /// <summary>The byte offset of the next unread byte.</summary>
    public long Position => _bufferStart + _pos;

    /// <summary>The current record's bytes without the LF and a trailing CR; valid until the next move.</summary>
    public ReadOnlyMemory<byte> Content
    {
        get
        {
            var written = _content.WrittenMemory;
            return written.Length > 0 && written.Span[^1] == (byte)'\r' ? written[..^1] : written;
        }
    }

    /// <summary>Opens <paramref name="path"/> at <paramref name="offset"/>; at offset 0 a UTF-8 BOM is skipped.</summary>
    public static async Task<RecordScanner> OpenAsync(
        string path, long offset, long firstLine, bool quoteAware, bool capture, CancellationToken ct,
        int maxRecordBytes = DefaultMaxRecordBytes)
    {
        var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            if (offset == 0)
            {
                var bom = new byte[3];
                var read = await stream.ReadAtLeastAsync(bom, 3, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                offset = read == 3 && bom is [0xEF, 0xBB, 0xBF] ? 3 : 0;
            }

            stream.Seek(offset, SeekOrigin.Begin);
            return new RecordScanner(stream, offset, firstLine, quoteAware, capture, maxRecordBytes);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Advances to the next record; false at end of file.</summary>
    public async ValueTask<bool> MoveNextAsync(CancellationToken ct)
    {
        if (_pos == _len && !await FillAsync(ct).ConfigureAwait(false))
        {
            return false;
        }

        Start = Position;
        LineNumber = NextLineNumber;
        IsBlank = true;
        IsTooLong = false;
        _content.ResetWrittenCount();
        _state = CsvState.FieldStart;
        while (true)
        {
            if (_pos == _len && !await FillAsync(ct).ConfigureAwait(false))
            {
                End = Position;
                return true;
            }

            var span = _buffer.AsSpan(_pos, _len - _pos);
            _pos += _quoteAware ? StepCsv(span, out var ended) : StepLines(span, out ended);
            if (ended)
            {
                End = Position;
                return true;
            }
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        _bufferStart += _len;
        _pos = 0;
        _len = await _stream.ReadAsync(_buffer, ct).ConfigureAwait(false);
        return _len > 0;
    }
}
