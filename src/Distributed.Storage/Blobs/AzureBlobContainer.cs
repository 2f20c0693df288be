using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Distributed.Storage.Blobs;

/// <summary>
/// Blobs in an Azure Blob container under an optional name prefix. Create-only writes use <c>If-None-Match: *</c>
/// (409 when the blob exists); pointer writes use <c>If-Match</c> (412 when stale). The container is created on first
/// use. Build the client with <see cref="ClientOptions"/>: Azurite 3.37 refuses the SDK's default API version.
/// </summary>
public sealed class AzureBlobContainer : IBlobContainer
{
    private readonly BlobContainerClient _container;
    private readonly string _prefix;
    private volatile bool _created;

    /// <summary>A container client; <paramref name="prefix"/> (e.g. <c>stores/a</c>) is put before every name.</summary>
    /// <param name="container">The container client (see <see cref="AzureStorageAccess.Container"/>).</param>
    /// <param name="prefix">Put before every name.</param>
    /// <param name="createIfMissing">Create the container on first use; false for readers whose credential (a read+list
    /// SAS) may not create containers.</param>
    public AzureBlobContainer(BlobContainerClient container, string prefix = "", bool createIfMissing = true)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _prefix = string.IsNullOrEmpty(prefix) ? "" : prefix.Trim('/') + "/";
        _created = !createIfMissing;
    }

    /// <summary>The container client (for tests and diagnostics: its URI and credential kind).</summary>
    public BlobContainerClient Client => _container;

    /// <summary>Client options with the newest API version Azurite 3.37 accepts (2026-06-06).</summary>
    public static BlobClientOptions ClientOptions() => new(BlobClientOptions.ServiceVersion.V2026_06_06);

    /// <summary>Opens <paramref name="containerName"/> with a connection string.</summary>
    public static AzureBlobContainer Connect(string connectionString, string containerName, string prefix = "") =>
        new(new BlobContainerClient(connectionString, containerName, ClientOptions()), prefix);

    public string Location => $"az://{_container.Name}/{_prefix}";

    public async Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        try
        {
            await Blob(name).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await Blob(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return result.Value.Content.ToStream();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw BlobNotFoundException.For(Location, name, e);
        }
    }

    public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var options = new GetBlobsOptions { Prefix = _prefix + prefix };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            yield return new BlobEntry(item.Name[_prefix.Length..], item.Properties.ContentLength ?? 0);
        }
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var response = await Blob(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    public async Task<VersionedBlob?> TryReadVersionedAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await Blob(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new VersionedBlob(result.Value.Content.ToArray(), result.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<string?> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string? expectedETag, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var conditions = expectedETag is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(expectedETag) };
        try
        {
            var options = new BlobUploadOptions { Conditions = conditions };
            var response = await Blob(name).UploadAsync(BinaryData.FromBytes(content), options, cancellationToken).ConfigureAwait(false);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _created = true;
        }
    }

    private BlobClient Blob(string name) => _container.GetBlobClient(_prefix + BlobName.Validate(name));
}
