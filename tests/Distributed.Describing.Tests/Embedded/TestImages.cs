using SkiaSharp;

namespace Distributed.Describing.Tests.Embedded;

/// <summary>Synthetic images with known properties, as RGBA bitmaps or PNG bytes.</summary>
internal static class TestImages
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    public static SKBitmap Solid(SKColor colour, int size = 64)
    {
        var bitmap = NewBitmap(size, size);
        bitmap.Erase(colour);
        return bitmap;
    }

    /// <summary>Left half black, right half white.</summary>
    public static SKBitmap HalfBlackHalfWhite(int size = 64)
    {
        var bitmap = Solid(SKColors.White, size);
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(0, 0, size / 2, size, paint);
        return bitmap;
    }

    /// <summary>Uniform random gray pixels from a fixed seed.</summary>
    public static SKBitmap Noise(int seed, int size = 64)
    {
        var bitmap = NewBitmap(size, size);
        var rng = new Random(seed);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var v = (byte)rng.Next(256);
                bitmap.SetPixel(x, y, new SKColor(v, v, v));
            }
        }

        return bitmap;
    }

    /// <summary>One line of text in DejaVu Sans Bold, centred on a solid background.</summary>
    public static SKBitmap Text(string text, SKColor ink, SKColor background, int width = 480, int height = 120, float fontSize = 40)
    {
        var bitmap = NewBitmap(width, height);
        bitmap.Erase(background);
        using var typeface = SKTypeface.FromFile(FontPath)
            ?? throw new InvalidOperationException($"Font not found: {FontPath} (run tools/setup.sh).");
        using var paint = new SKPaint { Color = ink, IsAntialias = true };
        using var font = new SKFont(typeface, fontSize);
        using var canvas = new SKCanvas(bitmap);
        var textWidth = font.MeasureText(text);
        canvas.DrawText(text, (width - textWidth) / 2, (height + font.Metrics.CapHeight) / 2, SKTextAlign.Left, font, paint);
        return bitmap;
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static SKBitmap NewBitmap(int width, int height) =>
        new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
}
