using System.Text.Json;
using Distributed.Abstractions.Describing;

namespace Distributed.Storage.Descriptions;

/// <summary>Export of the deduplicated records.</summary>
public sealed partial class DescriptionStore
{
    /// <summary>
    /// Writes every present key's winning record to <paramref name="destination"/> (left open) and returns the count.
    /// JSONL: one object per line with snake_case fields (<c>created_at</c> in ISO 8601). Parquet: the segment columns.
    /// </summary>
    public async Task<long> ExportAsync(Stream destination, ExportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return format switch
        {
            ExportFormat.Jsonl => await ExportJsonlAsync(destination, cancellationToken).ConfigureAwait(false),
            ExportFormat.Parquet => await ExportParquetAsync(destination, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Unknown export format '{format}'."),
        };
    }

    private async Task<long> ExportJsonlAsync(Stream destination, CancellationToken cancellationToken)
    {
        long count = 0;
        var writer = new Utf8JsonWriter(destination, new JsonWriterOptions());
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var record in ScanAsync(cancellationToken).ConfigureAwait(false))
            {
                WriteJson(writer, record);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                writer.Reset();
                destination.WriteByte((byte)'\n');
                count++;
            }
        }

        return count;
    }

    private static void WriteJson(Utf8JsonWriter writer, DescriptionRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("image_sha256", record.Key.ImageSha256);
        writer.WriteString("context_hash", record.Key.ContextHash);
        writer.WriteString("describer_id", record.Key.DescriberId);
        writer.WriteString("prompt_version", record.Key.PromptVersion);
        writer.WriteString("model", record.Model);
        writer.WriteString("ocr", record.Ocr);
        writer.WriteString("visual_scene", record.VisualScene);
        writer.WriteString("reasoning", record.Reasoning);
        writer.WriteString("raw_json", record.RawJson);
        writer.WriteString("created_at", record.CreatedAt);
        writer.WriteNumber("latency_ms", record.LatencyMs);
        writer.WriteString("error_reason", record.ErrorReason);
        writer.WriteString("error_message", record.ErrorMessage);
        writer.WriteEndObject();
    }

    private async Task<long> ExportParquetAsync(Stream destination, CancellationToken cancellationToken)
    {
        long count = 0;
        var buffer = new List<StoredRow>(_options.RowGroupRows);
        var writer = await SegmentFileWriter.CreateAsync(destination, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var record in ScanAsync(cancellationToken).ConfigureAwait(false))
            {
                buffer.Add(new StoredRow(record, false, null, (int)count++));
                if (buffer.Count == _options.RowGroupRows)
                {
                    await writer.WriteRowGroupAsync(buffer, cancellationToken).ConfigureAwait(false);
                    buffer.Clear();
                }
            }

            if (buffer.Count > 0)
            {
                await writer.WriteRowGroupAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
        }

        return count;
    }
}
