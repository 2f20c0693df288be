using SkiaSharp;

namespace Distributed.Data.Images;

/// <summary>
/// Loads untrusted image bytes safely: size and format checks, a pixel cap read from the header before any
/// pixel is decoded, a strict first-frame decode, EXIF orientation, a shrink to
/// <see cref="ImageLoadOptions.MaxSide"/> and a re-encode (PNG by default). Every failure is an
/// <see cref="ImageRejectedException"/> (a permanent error) whose message names the source.
/// </summary>
public static class ImageLoader
{
    /// <summary>Loads <paramref name="original"/>; see <see cref="Load(ReadOnlySpan{byte}, string, ImageLoadOptions)"/>.</summary>
    public static LoadedImage Load(byte[] original, string sourceName, ImageLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(original);
        return Load(original.AsSpan(), sourceName, options);
    }

    /// <summary>
    /// Loads <paramref name="original"/>, named <paramref name="sourceName"/> in errors, under <paramref name="options"/>.
    /// The returned <see cref="LoadedImage.Sha256"/> hashes the original bytes, not the re-encoded ones.
    /// </summary>
    /// <exception cref="ImageRejectedException">The image is empty, too large, of an unsupported format,
    /// has too many pixels, or cannot be fully decoded.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static LoadedImage Load(ReadOnlySpan<byte> original, string sourceName, ImageLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        if (original.IsEmpty)
        {
            throw Reject(ImageRejectionReasons.EmptyFile, sourceName, "the file has no bytes.");
        }

        if (original.Length > options.MaxBytes)
        {
            throw Reject(
                ImageRejectionReasons.ImageTooLarge,
                sourceName,
                $"{original.Length} bytes exceed the cap of {options.MaxBytes} bytes.");
        }

        var format = ImageFormatSniffer.Detect(original) ?? throw Reject(
            ImageRejectionReasons.UnsupportedFormat,
            sourceName,
            "the bytes are not PNG, JPEG, WebP, GIF or BMP.");

        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data) ?? throw Reject(
            ImageRejectionReasons.UndecodableImage, sourceName, $"the {format} header is truncated or corrupt.");

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > options.MaxPixels)
        {
            throw Reject(
                ImageRejectionReasons.TooManyPixels,
                sourceName,
                $"the header claims {width}x{height} = {(long)width * height} pixels, over the cap of {options.MaxPixels}.");
        }

        using var stored = ImageDecoder.DecodeFirstFrame(codec, options.MaxSide, sourceName);
        var upright = ImageOrientation.ToUpright(stored, codec.EncodedOrigin);
        try
        {
            var fitted = ImageResizer.Fit(upright, options.MaxSide);
            try
            {
                // A PNG that needs no rotation or resizing is sent as it came: decoding it proved it sound, and
                // re-encoding would only cost time.
                var passThrough = ReferenceEquals(fitted, stored) && format == "png" && options.OutputFormat == ImageOutputFormat.Png;
                return new LoadedImage(
                    ImageHash.Sha256Hex(original),
                    passThrough ? original.ToArray() : ImageEncoder.Encode(fitted, options.OutputFormat, options.JpegQuality),
                    ImageEncoder.MediaType(options.OutputFormat),
                    fitted.Width,
                    fitted.Height,
                    width,
                    height,
                    format);
            }
            finally
            {
                DisposeIfCopy(fitted, upright);
            }
        }
        finally
        {
            DisposeIfCopy(upright, stored);
        }
    }

    private static void DisposeIfCopy(SKBitmap bitmap, SKBitmap source)
    {
        if (!ReferenceEquals(bitmap, source))
        {
            bitmap.Dispose();
        }
    }

    private static ImageRejectedException Reject(string reason, string sourceName, string detail) =>
        new(reason, sourceName, detail);
}
