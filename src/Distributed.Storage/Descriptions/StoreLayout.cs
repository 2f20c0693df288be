namespace Distributed.Storage.Descriptions;

/// <summary>
/// Blob names of layout v1: appended segments under <c>v1/segments/</c>, compaction outputs under
/// <c>v1/compacted/</c> (live only once the segment-set pointer lists them), and the pointer
/// <c>v1/segment-set.json</c>. Segment names are ULIDs: unique and time-ordered.
/// </summary>
internal static class StoreLayout
{
    public const string SegmentsPrefix = "v1/segments/";
    public const string CompactedPrefix = "v1/compacted/";
    public const string SegmentSetPointer = "v1/segment-set.json";
    public const string SegmentExtension = ".parquet";

    public static string NewSegmentName(string prefix) => $"{prefix}{Ulid.NewUlid()}{SegmentExtension}";
}
