using SkiaSharp;

namespace Distributed.Describing.Embedded;

/// <summary>Decodes encoded image bytes into an opaque RGBA bitmap (transparency flattened onto white).</summary>
internal static class EmbeddedImage
{
    /// <summary>
    /// The decoded image, scaled down (never up) so that its longer side is at most <paramref name="maxSide"/>;
    /// null when the bytes are not an image SkiaSharp can decode.
    /// </summary>
    public static SKBitmap? Decode(byte[] encoded, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        using var source = SKBitmap.Decode(codec);
        if (source is null || source.Width <= 0 || source.Height <= 0)
        {
            return null;
        }

        var scale = Math.Min(1.0, maxSide / (double)Math.Max(source.Width, source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        using var paint = new SKPaint { FilterQuality = SKFilterQuality.High, IsAntialias = true };
        canvas.Clear(SKColors.White);
        canvas.DrawBitmap(source, new SKRect(0, 0, width, height), paint);
        canvas.Flush();
        return target;
    }
}
