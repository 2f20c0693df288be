using System.Runtime.InteropServices;
using SkiaSharp;

namespace Distributed.Data.Samples;

/// <summary>
/// Draws a caption as dark text on a light solid box, big enough for OCR. The box is integer pixel math; only the
/// glyphs go through Skia, aliased, unhinted, without subpixel positioning, from an explicit font file.
/// </summary>
internal static class CaptionRenderer
{
    private static readonly Rgb BoxColour = new(250, 250, 244);
    private static readonly Rgb BorderColour = new(30, 30, 30);
    private static readonly SKColor TextColour = new(15, 15, 15);

    /// <summary>Draws <paramref name="caption"/> into <paramref name="canvas"/>; the vertical band comes from <paramref name="rng"/>.</summary>
    public static void Draw(PixelCanvas canvas, string caption, SKTypeface typeface, Random rng)
    {
        var size = canvas.Size;
        using var font = CreateFont(typeface, size / 9f);
        var width = Measure(font, caption);
        while (width > size * 0.84f && font.Size > 8f)
        {
            font.Size -= 1f;
            width = Measure(font, caption);
        }

        var fontSize = (int)font.Size;
        var capHeight = (int)Math.Ceiling(font.Metrics.CapHeight);
        var padX = fontSize / 2;
        var padY = (fontSize * 2) / 5;
        var boxW = (int)Math.Ceiling(width) + (2 * padX);
        var boxH = capHeight + (2 * padY);
        var margin = size / 16;
        var boxX = (size - boxW) / 2;
        var boxY = rng.Next(3) switch
        {
            0 => margin,
            1 => (size - boxH) / 2,
            _ => size - boxH - margin,
        };

        var border = Math.Max(1, size / 128);
        canvas.FillRect(boxX - border, boxY - border, boxX + boxW + border, boxY + boxH + border, BorderColour);
        canvas.FillRect(boxX, boxY, boxX + boxW, boxY + boxH, BoxColour);
        DrawGlyphs(canvas, caption, font, boxX + padX, boxY + padY + capHeight);
    }

    private static float Measure(SKFont font, string text)
    {
        var glyphs = new ushort[font.CountGlyphs(text)];
        font.GetGlyphs(text, glyphs);
        return font.MeasureText(glyphs);
    }

    private static SKFont CreateFont(SKTypeface typeface, float size) => new(typeface, size)
    {
        Edging = SKFontEdging.Alias,
        Subpixel = false,
        Hinting = SKFontHinting.None,
        LinearMetrics = true,
        EmbeddedBitmaps = false,
    };

    private static void DrawGlyphs(PixelCanvas canvas, string caption, SKFont font, int x, int baseline)
    {
        var size = canvas.Size;
        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        if (bitmap.RowBytes != size * 4)
        {
            throw new InvalidOperationException($"Unexpected row stride {bitmap.RowBytes} for a {size}px RGBA bitmap.");
        }

        Marshal.Copy(canvas.Pixels, 0, bitmap.GetPixels(), canvas.Pixels.Length);
        using (var skCanvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Color = TextColour, IsAntialias = false, Style = SKPaintStyle.Fill })
        {
            skCanvas.DrawText(caption, x, baseline, font, paint);
            skCanvas.Flush();
        }

        Marshal.Copy(bitmap.GetPixels(), canvas.Pixels, 0, canvas.Pixels.Length);
    }
}
