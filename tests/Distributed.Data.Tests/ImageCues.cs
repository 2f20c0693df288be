using SkiaSharp;

namespace Distributed.Data.Tests;

/// <summary>Measured visual cues of a decoded image.</summary>
public sealed record ImageCues(int Width, int Height, double MeanLuma)
{
    /// <summary>Scene class from brightness alone: positive scenes are bright, negative dark, neutral mid-grey.</summary>
    public string SceneClass => MeanLuma switch
    {
        > 165 => "positive",
        < 90 => "negative",
        _ => "neutral",
    };

    public static ImageCues Measure(string pngPath)
    {
        using var bitmap = SKBitmap.Decode(pngPath) ?? throw new InvalidDataException($"Cannot decode {pngPath}");
        var (r, b) = bitmap.ColorType switch
        {
            SKColorType.Rgba8888 => (0, 2),
            SKColorType.Bgra8888 => (2, 0),
            var other => throw new InvalidDataException($"Unexpected colour type {other}"),
        };
        var pixels = bitmap.GetPixelSpan();
        long sum = 0;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            sum += (299 * pixels[i + r]) + (587 * pixels[i + 1]) + (114 * pixels[i + b]);
        }

        return new ImageCues(bitmap.Width, bitmap.Height, sum / 1000.0 / (bitmap.Width * bitmap.Height));
    }
}
