namespace Distributed.Abstractions.Captioning;

/// <summary>
/// One planned shard: contiguous rows of one manifest file, addressed so that reading it never rescans the file from
/// the start — a byte range for JSONL/CSV, a range of row groups for Parquet.
/// </summary>
/// <param name="Index">The shard's number within its job.</param>
/// <param name="ManifestPath">Absolute path of the manifest file.</param>
/// <param name="Format"><c>jsonl</c>, <c>csv</c> or <c>parquet</c>.</param>
/// <param name="StartByte">First byte (JSONL/CSV).</param>
/// <param name="EndByte">End byte, exclusive (JSONL/CSV).</param>
/// <param name="FirstRow">Global index of the shard's first row in its file.</param>
/// <param name="RowCount">Rows in the shard.</param>
/// <param name="FirstLine">1-based line number of the shard's first record (JSONL/CSV), for error messages.</param>
/// <param name="FirstRowGroup">First row group (Parquet).</param>
/// <param name="RowGroupCount">Row groups (Parquet).</param>
/// <param name="Split">The split implied by the file (train/dev/test) when the dataset is a folder; else null.</param>
/// <param name="FileLength">The manifest's length when planned; a shard of a file that changed since is refused.</param>
[GenerateSerializer, Immutable, Alias("Distributed.ShardRange")]
public sealed record ShardRange(
    [property: Id(0)] int Index,
    [property: Id(1)] string ManifestPath,
    [property: Id(2)] string Format,
    [property: Id(3)] long StartByte,
    [property: Id(4)] long EndByte,
    [property: Id(5)] long FirstRow,
    [property: Id(6)] int RowCount,
    [property: Id(7)] long FirstLine,
    [property: Id(8)] int FirstRowGroup,
    [property: Id(9)] int RowGroupCount,
    [property: Id(10)] string? Split,
    [property: Id(11)] long FileLength);
