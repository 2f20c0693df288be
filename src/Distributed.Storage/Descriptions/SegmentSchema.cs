using Parquet.Schema;

namespace Distributed.Storage.Descriptions;

/// <summary>
/// The Parquet columns of a layout-v1 segment: every field of a description record (the key as four columns),
/// plus <c>record_kind</c> (0 success, 1 error, 2 tombstone), the 128-bit key hash (two int64 columns, so a segment
/// is indexed without decoding strings) and the row's origin (segment, row) for the earliest-wins order.
/// </summary>
internal static class SegmentSchema
{
    public const string LayoutVersion = "1";
    public const string LayoutMetadataKey = "distributed.description_store.layout";

    public static readonly DataField<string> ImageSha256 = new("image_sha256");
    public static readonly DataField<string> ContextHash = new("context_hash");
    public static readonly DataField<string> DescriberId = new("describer_id");
    public static readonly DataField<string> PromptVersion = new("prompt_version");
    public static readonly DataField<string> Model = new("model");
    public static readonly DataField<string> Ocr = new("ocr");
    public static readonly DataField<string> VisualScene = new("visual_scene");
    public static readonly DataField<string> Reasoning = new("reasoning");
    public static readonly DataField<string> RawJson = new("raw_json");
    public static readonly DataField<DateTime> CreatedAt = new("created_at");
    public static readonly DataField<double> LatencyMs = new("latency_ms");
    public static readonly DataField<string> ErrorReason = new("error_reason");
    public static readonly DataField<string> ErrorMessage = new("error_message");
    public static readonly DataField<int> RecordKind = new("record_kind");
    public static readonly DataField<long> KeyHashHigh = new("key_hash_high");
    public static readonly DataField<long> KeyHashLow = new("key_hash_low");
    public static readonly DataField<string> OriginSegment = new("origin_segment");
    public static readonly DataField<int> OriginRow = new("origin_row");

    public static readonly ParquetSchema Schema = new(
        ImageSha256, ContextHash, DescriberId, PromptVersion, Model, Ocr, VisualScene, Reasoning, RawJson,
        CreatedAt, LatencyMs, ErrorReason, ErrorMessage, RecordKind, KeyHashHigh, KeyHashLow, OriginSegment, OriginRow);
}
