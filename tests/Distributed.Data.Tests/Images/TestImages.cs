using SkiaSharp;

namespace Distributed.Data.Tests.Images;

/// <summary>Images drawn and encoded with SkiaSharp (PNG, JPEG, WebP), and pixel probes of loaded images.</summary>
internal static class TestImages
{
    /// <summary>A <paramref name="width"/> × <paramref name="height"/> blue image whose top-left
    /// third-wide, third-high block is red (a marker for orientation checks).</summary>
    public static byte[] Marked(int width, int height, SKEncodedImageFormat format, int quality = 95)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(SKRect.Create(width / 3, height / 3), red);
        }

        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>A Skia-encoded solid image.</summary>
    public static byte[] Solid(int width, int height, SKColor color, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(color);
        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>The colour at (<paramref name="x"/>, <paramref name="y"/>) of encoded bytes.</summary>
    public static SKColor PixelAt(byte[] encoded, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(encoded) ?? throw new InvalidDataException("Output does not decode.");
        return bitmap.GetPixel(x, y);
    }

    /// <summary>True when <paramref name="color"/> is clearly red (tolerates JPEG artefacts).</summary>
    public static bool IsRed(SKColor color) => color.Red > 200 && color.Green < 60 && color.Blue < 60;

    /// <summary>True when <paramref name="color"/> is clearly blue (tolerates JPEG artefacts).</summary>
    public static bool IsBlue(SKColor color) => color.Blue > 200 && color.Red < 60 && color.Green < 60;

    /// <summary>
    /// <paramref name="jpeg"/> with an APP1 Exif segment carrying only the Orientation tag (0x0112) inserted after
    /// the JFIF APP0 segment (or straight after SOI when there is none).
    /// </summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 34, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0, 0, 0, 8, // TIFF header, big-endian, IFD at offset 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, // Orientation, SHORT, count 1, value
            0, 0, 0, 0, // no next IFD
        ];
        var at = jpeg[2] == 0xFF && jpeg[3] == 0xE0 ? 4 + ((jpeg[4] << 8) | jpeg[5]) : 2;
        return [.. jpeg[..at], .. app1, .. jpeg[at..]];
    }
}
