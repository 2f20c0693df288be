namespace Distributed.Data.Manifests;

/// <summary>Validates raw field values into a row or a per-row error (shared by all formats).</summary>
internal static class RowFactory
{
    /// <summary>
    /// Builds the entry for one row. A missing or blank id is an error; an empty image, label or split is null;
    /// a row's own split must equal <paramref name="impliedSplit"/> when both are present, and a row without one
    /// takes the implied split.
    /// </summary>
    public static ManifestEntry Create(
        RowSource source, string? id, string? text, string? image, string? label, string? split, string? impliedSplit)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return source.Error("'id' is missing or empty");
        }

        split = NullIfEmpty(split);
        if (split is not null && impliedSplit is not null && !string.Equals(split, impliedSplit, StringComparison.Ordinal))
        {
            return source.Error($"row split '{split}' disagrees with the file's split '{impliedSplit}' (id '{id}')");
        }

        return ManifestEntry.FromRow(new ManifestRow(
            source.Index, id, text ?? string.Empty, NullIfBlank(image), NullIfEmpty(label), split ?? impliedSplit));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>Where a row came from, for error messages: file, 0-based row index and 1-based line (null for Parquet).</summary>
internal readonly record struct RowSource(string Path, long Index, long? LineNumber)
{
    /// <summary>An error entry whose reason names the file and line (or row).</summary>
    public ManifestEntry Error(string detail) =>
        ManifestEntry.FromError(Index, LineNumber, LineNumber is { } line
            ? $"{Path}:{line}: {detail}"
            : $"{Path} row {Index}: {detail}");
}
