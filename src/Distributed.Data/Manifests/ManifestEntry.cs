using System.Diagnostics.CodeAnalysis;

namespace Distributed.Data.Manifests;

/// <summary>What a manifest reader yields for each row: either the row or the error that replaced it.</summary>
public sealed record ManifestEntry
{
    private ManifestEntry(ManifestRow? row, ManifestRowError? error)
    {
        Row = row;
        Error = error;
    }

    /// <summary>The row, or null when <see cref="Error"/> is set.</summary>
    public ManifestRow? Row { get; }

    /// <summary>The error, or null when <see cref="Row"/> is set.</summary>
    public ManifestRowError? Error { get; }

    /// <summary>The row's 0-based index in its file.</summary>
    public long Index => Row?.Index ?? Error!.Index;

    /// <summary>True when this entry carries an error instead of a row.</summary>
    [MemberNotNullWhen(true, nameof(Error))]
    [MemberNotNullWhen(false, nameof(Row))]
    public bool IsError => Error is not null;

    /// <summary>An entry holding a row.</summary>
    public static ManifestEntry FromRow(ManifestRow row) => new(row ?? throw new ArgumentNullException(nameof(row)), null);

    /// <summary>An entry holding an error.</summary>
    public static ManifestEntry FromError(ManifestRowError error) =>
        new(null, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>An entry holding an error for row <paramref name="index"/>.</summary>
    public static ManifestEntry FromError(long index, long? lineNumber, string reason) =>
        new(null, new ManifestRowError(index, lineNumber, reason));
}
