namespace Distributed.Data.Manifests;

/// <summary>
/// One manifest row. <paramref name="Index"/> is the 0-based row number in its file (blank lines are not rows;
/// malformed rows are, so indices stay stable). <paramref name="Text"/> may be empty; a row whose
/// <paramref name="Image"/> is null is text-only.
/// </summary>
public sealed record ManifestRow(long Index, string Id, string Text, string? Image, string? Label, string? Split)
{
    /// <summary>True when the row has no image reference.</summary>
    public bool IsTextOnly => Image is null;
}

/// <summary>
/// A row that could not be read: its 0-based row <paramref name="Index"/>, the 1-based physical
/// <paramref name="LineNumber"/> where it starts (null for Parquet) and a reason naming the file and column.
/// </summary>
public sealed record ManifestRowError(long Index, long? LineNumber, string Reason);
