using System.Runtime.CompilerServices;

namespace Distributed.Storage.Blobs;

/// <summary>
/// A container whose reads pass through and whose writes throw <see cref="DescriptionStoreReadOnlyException"/>: the
/// store's read-only mode, enforced below every write path (segments, compaction output, pointers, deletes).
/// </summary>
public sealed class ReadOnlyBlobContainer(IBlobContainer inner) : IBlobContainer
{
    private readonly IBlobContainer _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    public string Location => _inner.Location;

    public Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        throw DescriptionStoreReadOnlyException.For(Location, $"writing '{name}'");

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) => _inner.OpenReadAsync(name, cancellationToken);

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in _inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        throw DescriptionStoreReadOnlyException.For(Location, $"deleting '{name}'");

    public Task<VersionedBlob?> TryReadVersionedAsync(string name, CancellationToken cancellationToken = default) =>
        _inner.TryReadVersionedAsync(name, cancellationToken);

    public Task<string?> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string? expectedETag, CancellationToken cancellationToken = default) =>
        throw DescriptionStoreReadOnlyException.For(Location, $"replacing '{name}'");
}
