using SkiaSharp;

namespace Distributed.Describing.Embedded;

/// <summary>Decodes encoded image bytes into an opaque RGBA bitmap (transparency flattened onto white).</summary>
internal static class EmbeddedImage
{
    /// <summary>Images with more pixels than this are refused before decoding (requests arrive already resized).</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>
    /// The decoded image, scaled down (never up) so that its longer side is at most <paramref name="maxSide"/>;
    /// null with <paramref name="failure"/> set (<c>undecodable_image</c> or <c>oversized_image</c>) when it cannot be.
    /// </summary>
    public static SKBitmap? Decode(byte[] encoded, int maxSide, out string? failure)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        failure = EmbeddedDescriber.UndecodableImage;
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            failure = EmbeddedDescriber.OversizedImage;
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
        using var paint = new SKPaint { IsAntialias = true };
        using var image = SKImage.FromBitmap(source);
        canvas.Clear(SKColors.White);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
        canvas.Flush();
        failure = null;
        return target;
    }
}
