namespace Distributed.Data.Manifests;

/// <summary>
/// Fetches the bytes of a resolved image: local files, http(s) (through the given <see cref="HttpClient"/>, or a
/// shared one that does not follow redirects by itself) and <c>az://</c> through an <see cref="IBlobImageSource"/>
/// (none → <c>az_not_configured</c>). At most <c>maxBytes</c> are read (default 20 MB); failures throw
/// <see cref="ImageSourceException"/>. The policy (default <see cref="ImageSourcePolicy.Default"/>) vets redirects.
/// A caller-supplied client should not follow redirects itself, or its redirects bypass that check.
/// </summary>
public sealed class ImageFetcher(
    HttpClient? httpClient = null, IBlobImageSource? blobSource = null, ImageSourcePolicy? policy = null,
    long maxBytes = ImageFetcher.DefaultMaxBytes)
{
    /// <summary>Default cap on an image's size: 20 MB (20 × 1024 × 1024 bytes).</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(
        new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    });

    private readonly ImageSourcePolicy _policy = policy ?? ImageSourcePolicy.Default;

    /// <summary>The byte cap.</summary>
    public long MaxBytes { get; } = maxBytes > 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes));

    /// <summary>Returns the image's bytes (never empty).</summary>
    public async Task<byte[]> FetchAsync(ImageLocation location, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location switch
        {
            LocalImageFile file => await LocalImageReader.ReadAsync(file, MaxBytes, ct).ConfigureAwait(false),
            HttpImage web => await HttpImageReader.ReadAsync(httpClient ?? SharedHttp.Value, web, _policy, MaxBytes, ct)
                .ConfigureAwait(false),
            BlobImage blob => await FetchBlobAsync(blob, ct).ConfigureAwait(false),
            _ => throw new ArgumentException($"Unknown image location type {location.GetType().Name}.", nameof(location)),
        };
    }

    private async Task<byte[]> FetchBlobAsync(BlobImage blob, CancellationToken ct)
    {
        if (blobSource is null)
        {
            throw ImageSourceException.Permanently(
                ImageSourceReasons.AzNotConfigured, blob.Reference, "no Azure Blob image source is configured");
        }

        var bytes = await blobSource.ReadAsync(blob, MaxBytes, ct).ConfigureAwait(false);
        return bytes.Length switch
        {
            0 => throw ImageSourceException.Permanently(ImageSourceReasons.EmptyFile, blob.Reference, "the image has 0 bytes"),
            var n when n > MaxBytes => throw CappedReader.TooLarge(blob.Reference, MaxBytes),
            _ => bytes,
        };
    }
}
