using Parquet;

namespace Distributed.Storage.Descriptions;

/// <summary>Writes layout-v1 segment rows to a Parquet stream, one row group per call to <see cref="WriteRowGroupAsync"/>.</summary>
internal sealed class SegmentFileWriter : IAsyncDisposable
{
    private readonly ParquetWriter _writer;

    private SegmentFileWriter(ParquetWriter writer) => _writer = writer;

    public static async Task<SegmentFileWriter> CreateAsync(Stream destination, CancellationToken cancellationToken)
    {
        var writer = await ParquetWriter.CreateAsync(SegmentSchema.Schema, destination, cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string> { [SegmentSchema.LayoutMetadataKey] = SegmentSchema.LayoutVersion };
        return new SegmentFileWriter(writer);
    }

    /// <summary>Encodes <paramref name="rows"/> into one Parquet file in memory.</summary>
    public static async Task<byte[]> EncodeAsync(IReadOnlyList<StoredRow> rows, int rowGroupRows, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var writer = await CreateAsync(buffer, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            for (var start = 0; start < rows.Count; start += rowGroupRows)
            {
                var group = rows.Skip(start).Take(rowGroupRows).ToList();
                await writer.WriteRowGroupAsync(group, cancellationToken).ConfigureAwait(false);
            }
        }

        return buffer.ToArray();
    }

    public async Task WriteRowGroupAsync(IReadOnlyList<StoredRow> rows, CancellationToken cancellationToken)
    {
        using var group = _writer.CreateRowGroup();
        string?[] Strings(Func<StoredRow, string?> select) => rows.Select(select).ToArray();
        T[] Values<T>(Func<StoredRow, T> select) => rows.Select(select).ToArray();
        var hashes = Values(row => KeyHash.Of(row.Record.Key));

        await group.WriteAsync(SegmentSchema.ImageSha256, Strings(r => r.Record.Key.ImageSha256)!).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.ContextHash, Strings(r => r.Record.Key.ContextHash)!).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.DescriberId, Strings(r => r.Record.Key.DescriberId)!).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.PromptVersion, Strings(r => r.Record.Key.PromptVersion)!).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.Model, Strings(r => r.Record.Model)!).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.Ocr, Strings(r => r.Record.Ocr)!).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.VisualScene, Strings(r => r.Record.VisualScene)!).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.Reasoning, Strings(r => r.Record.Reasoning)!).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.RawJson, Strings(r => r.Record.RawJson)!).ConfigureAwait(false);
        await group.WriteAsync<DateTime>(SegmentSchema.CreatedAt, Values(r => r.Record.CreatedAt.UtcDateTime), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<double>(SegmentSchema.LatencyMs, Values(r => r.Record.LatencyMs), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.ErrorReason, Strings(r => r.Record.ErrorReason)!).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.ErrorMessage, Strings(r => r.Record.ErrorMessage)!).ConfigureAwait(false);
        await group.WriteAsync<int>(SegmentSchema.RecordKind, Values(r => (int)KindOf(r)), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<long>(SegmentSchema.KeyHashHigh, hashes.Select(KeyHash.High).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<long>(SegmentSchema.KeyHashLow, hashes.Select(KeyHash.Low).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(SegmentSchema.OriginSegment, Strings(r => r.OriginSegment)!).ConfigureAwait(false);
        await group.WriteAsync<int>(SegmentSchema.OriginRow, Values(r => r.OriginRow), cancellationToken: cancellationToken).ConfigureAwait(false);
        group.CompleteValidate();
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static RowKind KindOf(StoredRow row) =>
        row.IsTombstone ? RowKind.Tombstone : row.Record.IsError ? RowKind.Error : RowKind.Success;
}
