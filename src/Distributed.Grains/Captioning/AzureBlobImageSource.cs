using Azure;
using Azure.Storage.Blobs;
using Distributed.Data.Manifests;

namespace Distributed.Grains.Captioning;

/// <summary>Reads <c>az://container/path</c> images from Azure Blob storage, refusing any larger than the byte cap.</summary>
public sealed class AzureBlobImageSource(string connectionString) : IBlobImageSource
{
    private readonly BlobServiceClient _service = new(connectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));

    public async Task<byte[]> ReadAsync(BlobImage image, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(image);
        var blob = _service.GetBlobContainerClient(image.Container).GetBlobClient(image.BlobName);
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: ct);
            var length = properties.Value.ContentLength;
            if (length > maxBytes)
            {
                throw new ImageSourceException(ImageSourceReasons.ImageTooLarge, true, image.Reference, $"Image '{image.Reference}' is {length} bytes, over the cap of {maxBytes}.");
            }

            if (length == 0)
            {
                throw new ImageSourceException(ImageSourceReasons.EmptyFile, true, image.Reference, $"Image '{image.Reference}' is empty.");
            }

            var content = await blob.DownloadContentAsync(ct);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new ImageSourceException(ImageSourceReasons.MissingFile, true, image.Reference, $"Image '{image.Reference}' does not exist.", ex);
        }
        catch (RequestFailedException ex) when (ex.Status is 401 or 403)
        {
            throw new ImageSourceException(ImageSourceReasons.AccessDenied, true, image.Reference, $"Access to image '{image.Reference}' was denied ({ex.Status}).", ex);
        }
        catch (RequestFailedException ex)
        {
            throw new ImageSourceException(ImageSourceReasons.ReadFailed, false, image.Reference, $"Reading image '{image.Reference}' failed ({ex.Status}): {ex.Message}", ex);
        }
    }
}
