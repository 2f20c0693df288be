using SkiaSharp;

namespace Distributed.Training.Tests.Vision;

/// <summary>Images drawn with SkiaSharp for the ResNet18 tests.</summary>
internal static class VisionTestImages
{
    /// <summary>A <paramref name="width"/> × <paramref name="height"/> scene of random coloured shapes on a random background.</summary>
    public static byte[] Scene(int seed, int width = 320, int height = 240, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(RandomColor(random));
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 12; i++)
            {
                paint.Color = RandomColor(random);
                var (x, y) = (random.Next(width), random.Next(height));
                var size = 10 + random.Next(Math.Min(width, height) / 3);
                if (i % 2 == 0)
                {
                    canvas.DrawCircle(x, y, size, paint);
                }
                else
                {
                    canvas.DrawRect(SKRect.Create(x, y, size * 2, size), paint);
                }
            }
        }

        return Encode(bitmap, format);
    }

    /// <summary>Black and white stripes <paramref name="period"/> pixels wide, horizontal or vertical.</summary>
    public static byte[] Stripes(int period, bool vertical, int side = 256)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var on = ((vertical ? x : y) / period) % 2 == 0;
                bitmap.SetPixel(x, y, on ? SKColors.White : SKColors.Black);
            }
        }

        return Encode(bitmap, SKEncodedImageFormat.Png);
    }

    /// <summary>A 224 × 224 opaque image of random pixels, returned with its R, G, B planes (0–255, row-major).</summary>
    public static (SKBitmap Bitmap, float[] RgbPlanes) RandomPixels(int seed)
    {
        const int Side = 224;
        var random = new Random(seed);
        var bitmap = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Premul));
        var planes = new float[3 * Side * Side];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                var color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                bitmap.SetPixel(x, y, color);
                var at = y * Side + x;
                (planes[at], planes[Side * Side + at], planes[2 * Side * Side + at]) = (color.Red, color.Green, color.Blue);
            }
        }

        return (bitmap, planes);
    }

    /// <summary><paramref name="encoded"/> cut to its first half.</summary>
    public static byte[] Truncated(byte[] encoded) => encoded[..(encoded.Length / 2)];

    private static SKColor RandomColor(Random random) =>
        new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var data = bitmap.Encode(format, 92);
        return data.ToArray();
    }
}
