using SkiaSharp;

namespace Distributed.Data.Images;

/// <summary>Encodes the final bitmap as PNG or JPEG.</summary>
internal static class ImageEncoder
{
    /// <summary>The media type of <paramref name="format"/>.</summary>
    public static string MediaType(ImageOutputFormat format) =>
        format == ImageOutputFormat.Jpeg ? "image/jpeg" : "image/png";

    /// <summary>Encodes <paramref name="bitmap"/>; for JPEG, transparency is flattened onto white first.</summary>
    public static byte[] Encode(SKBitmap bitmap, ImageOutputFormat format, int jpegQuality)
    {
        if (format != ImageOutputFormat.Jpeg)
        {
            return EncodeBitmap(bitmap, SKEncodedImageFormat.Png, 100);
        }

        using var flat = new SKBitmap(bitmap.Info.WithAlphaType(SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(flat))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawBitmap(bitmap, 0, 0);
        }

        return EncodeBitmap(flat, SKEncodedImageFormat.Jpeg, jpegQuality);
    }

    private static byte[] EncodeBitmap(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality)
            ?? throw new InvalidOperationException($"Encoding a {bitmap.Width}x{bitmap.Height} bitmap as {format} failed.");
        return data.ToArray();
    }
}
