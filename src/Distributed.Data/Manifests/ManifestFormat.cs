namespace Distributed.Data.Manifests;

/// <summary>The file formats a manifest can have, chosen by file extension.</summary>
public enum ManifestFormat
{
    /// <summary><c>.jsonl</c>: one JSON object per line.</summary>
    Jsonl,

    /// <summary><c>.csv</c>: a header row, then RFC 4180 records.</summary>
    Csv,

    /// <summary><c>.parquet</c>: columns by name, read one row group at a time.</summary>
    Parquet,
}

/// <summary>
/// One manifest file of a dataset. <paramref name="Split"/> is the split implied by the dataset layout
/// (the file name in a train/dev/test folder), or null for a standalone manifest file.
/// </summary>
public sealed record ManifestFile(string Path, ManifestFormat Format, string? Split = null)
{
    /// <summary>A standalone manifest file (no implied split), its format chosen by extension.</summary>
    public static ManifestFile FromPath(string path) => new(Path: path, Format: FormatOf(path));

    /// <summary>The format for a file's extension (case-insensitive); throws <see cref="NotSupportedException"/> otherwise.</summary>
    public static ManifestFormat FormatOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" => ManifestFormat.Jsonl,
            ".csv" => ManifestFormat.Csv,
            ".parquet" => ManifestFormat.Parquet,
            _ => throw new NotSupportedException(
                $"Manifest '{path}' has an unsupported extension; expected .jsonl, .csv or .parquet."),
        };
    }
}
