namespace Distributed.Data.Manifests;

/// <summary>Reads <c>az://</c> images; implemented by the storage project and handed to <see cref="ImageFetcher"/>.</summary>
public interface IBlobImageSource
{
    /// <summary>
    /// Returns the blob's bytes, reading at most <paramref name="maxBytes"/>; throws <see cref="ImageSourceException"/>
    /// (<c>missing_file</c>, <c>image_too_large</c>, or a transient reason) on failure.
    /// </summary>
    Task<byte[]> ReadAsync(BlobImage image, long maxBytes, CancellationToken ct);
}
