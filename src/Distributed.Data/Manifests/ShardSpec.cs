namespace Distributed.Data.Manifests;

/// <summary>
/// A contiguous slice of one manifest file, readable on its own with <see cref="ManifestReader.ReadShardAsync"/>.
/// JSONL/CSV: the records starting in [<paramref name="StartByte"/>, <paramref name="EndByte"/>), both at record
/// starts (CSV shards begin after the header; the reader re-reads the header from byte 0). Parquet: whole row groups
/// [<see cref="FirstRowGroup"/>, <see cref="FirstRowGroup"/> + <see cref="RowGroupCount"/>); the byte fields are 0.
/// <paramref name="FirstRow"/> is the global 0-based index of the shard's first row.
/// </summary>
public sealed record ShardSpec(
    int Index, string ManifestPath, ManifestFormat Format, long StartByte, long EndByte, long FirstRow, int RowCount)
{
    /// <summary>1-based line number at <see cref="StartByte"/> (JSONL/CSV); default 1.</summary>
    public long FirstLine { get; init; } = 1;

    /// <summary>First row group of a Parquet shard; default 0.</summary>
    public int FirstRowGroup { get; init; }

    /// <summary>Number of row groups in a Parquet shard; default 0 (JSONL/CSV).</summary>
    public int RowGroupCount { get; init; }

    /// <summary>The manifest's length in bytes when planned; a reader refuses a file of another length. 0 = unchecked.</summary>
    public long FileLength { get; init; }

    /// <summary>The split implied by the dataset layout, or null; rows must agree with it.</summary>
    public string? Split { get; init; }
}
