namespace Distributed.Data.Manifests;

/// <summary>Reads a stream to its end, failing with <c>image_too_large</c> as soon as it passes the cap.</summary>
internal static class CappedReader
{
    public static async Task<byte[]> ReadAsync(Stream stream, long maxBytes, string reference, CancellationToken ct)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (memory.Length + read > maxBytes)
            {
                throw TooLarge(reference, maxBytes);
            }

            memory.Write(buffer, 0, read);
        }

        return memory.Length > 0
            ? memory.ToArray()
            : throw ImageSourceException.Permanently(ImageSourceReasons.EmptyFile, reference, "the image has 0 bytes");
    }

    public static ImageSourceException TooLarge(string reference, long maxBytes) =>
        ImageSourceException.Permanently(ImageSourceReasons.ImageTooLarge, reference, $"larger than the {maxBytes}-byte cap");
}
