namespace Distributed.Storage.Blobs;

/// <summary>
/// A flat namespace of named blobs (names use <c>/</c> as separator) with the few primitives the stores need:
/// create-only writes for immutable files and a conditional (ETag) write for small pointer blobs.
/// </summary>
public interface IBlobContainer
{
    /// <summary>Where the container lives (a folder or <c>az://container/prefix</c>), for messages.</summary>
    string Location { get; }

    /// <summary>Writes a new blob atomically; returns false (and writes nothing) when the name already exists.</summary>
    Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Opens a blob for reading as a seekable stream; throws <see cref="BlobNotFoundException"/> when absent.</summary>
    Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists the blobs whose names start with <paramref name="prefix"/>, in ordinal name order.</summary>
    IAsyncEnumerable<BlobEntry> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes a blob; returns false when it did not exist.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads a small blob with its ETag, or null when it does not exist.</summary>
    Task<VersionedBlob?> TryReadVersionedAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a small blob only if it is still at <paramref name="expectedETag"/> (null: only if it does not exist).
    /// Returns the new ETag, or null when the precondition failed (someone else wrote first).
    /// </summary>
    Task<string?> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string? expectedETag, CancellationToken cancellationToken = default);
}

/// <summary>One listed blob.</summary>
/// <param name="Name">Full name inside the container.</param>
/// <param name="Size">Length in bytes.</param>
public sealed record BlobEntry(string Name, long Size);

/// <summary>A blob's content and the ETag it had when read.</summary>
public sealed record VersionedBlob(byte[] Content, string ETag);
