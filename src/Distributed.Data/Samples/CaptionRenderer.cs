using System.Runtime.InteropServices;
using SkiaSharp;

namespace Distributed.Data.Samples;

/// <summary>
/// Draws a caption in large text on a solid full-width band flush with the top or bottom edge. The band takes the
/// mean colour of the pixels it covers and the ink is black or white by the band's luma: Tesseract's default
/// per-channel Otsu binarisation then keeps band and scene as background and only the glyphs as text (a fixed
/// light box on dark or saturated scenes made it drop the caption). The band is integer pixel math; only the glyphs
/// go through Skia, aliased, unhinted, without subpixel positioning, from an explicit font file.
/// </summary>
internal static class CaptionRenderer
{
    private const int InkThreshold = 110;
    private static readonly SKColor DarkInk = new(10, 10, 10);
    private static readonly SKColor LightInk = new(250, 250, 250);

    /// <summary>Draws <paramref name="caption"/>; <paramref name="rng"/> picks the top or bottom edge.</summary>
    public static void Draw(PixelCanvas canvas, string caption, SKTypeface typeface, Random rng)
    {
        var size = canvas.Size;
        using var font = CreateFont(typeface, size / 9f);
        var width = Measure(font, caption);
        while (width > size * 0.78f && font.Size > 8f)
        {
            font.Size -= 1f;
            width = Measure(font, caption);
        }

        var capHeight = (int)Math.Ceiling(font.Metrics.CapHeight);
        var padY = ((int)font.Size * 3) / 4;
        var bandH = capHeight + (2 * padY);
        var bandY = rng.Next(2) == 0 ? 0 : size - bandH;

        var band = canvas.MeanColour(0, bandY, size, bandY + bandH);
        canvas.FillRect(0, bandY, size, bandY + bandH, band);
        var ink = band.Luma >= InkThreshold ? DarkInk : LightInk;
        DrawGlyphs(canvas, caption, font, ink, (size - (int)Math.Ceiling(width)) / 2, bandY + padY + capHeight);
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

    private static void DrawGlyphs(PixelCanvas canvas, string caption, SKFont font, SKColor ink, int x, int baseline)
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
        using (var paint = new SKPaint { Color = ink, IsAntialias = false, Style = SKPaintStyle.Fill })
        {
            skCanvas.DrawText(caption, x, baseline, font, paint);
            skCanvas.Flush();
        }

        Marshal.Copy(bitmap.GetPixels(), canvas.Pixels, 0, canvas.Pixels.Length);
    }
}
