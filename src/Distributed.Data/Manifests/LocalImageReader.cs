namespace Distributed.Data.Manifests;

/// <summary>Reads a local image: missing → <c>missing_file</c>, 0 bytes → <c>empty_file</c>, over the cap →
/// <c>image_too_large</c> (from the file length, without reading); permission → <c>access_denied</c> (all
/// permanent); other I/O errors → transient <c>read_failed</c>.</summary>
internal static class LocalImageReader
{
    public static async Task<byte[]> ReadAsync(LocalImageFile image, long maxBytes, CancellationToken ct)
    {
        var reference = image.Reference;
        try
        {
            var info = new FileInfo(image.FullPath);
            if (!info.Exists)
            {
                var what = Directory.Exists(image.FullPath) ? "is a folder" : "does not exist";
                throw ImageSourceException.Permanently(ImageSourceReasons.MissingFile, reference, $"'{image.FullPath}' {what}");
            }

            if (info.Length > maxBytes)
            {
                throw CappedReader.TooLarge(reference, maxBytes);
            }

            var stream = new FileStream(
                image.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                return await CappedReader.ReadAsync(stream, maxBytes, reference, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw ImageSourceException.Permanently(ImageSourceReasons.MissingFile, reference, $"'{image.FullPath}' does not exist", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw ImageSourceException.Permanently(ImageSourceReasons.AccessDenied, reference, $"'{image.FullPath}' may not be read", ex);
        }
        catch (IOException ex)
        {
            throw ImageSourceException.Transiently(ImageSourceReasons.ReadFailed, reference, ex.Message, ex);
        }
    }
}
