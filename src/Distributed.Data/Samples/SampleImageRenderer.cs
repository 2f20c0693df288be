using SkiaSharp;

namespace Distributed.Data.Samples;

/// <summary>Renders one planned item to PNG bytes; a pure function of the plan, the size and the font file.</summary>
internal static class SampleImageRenderer
{
    /// <summary>Loads the caption font from <paramref name="fontPath"/>; never falls back to a system font.</summary>
    public static SKTypeface LoadFont(string fontPath) =>
        SKTypeface.FromFile(fontPath)
        ?? throw new ArgumentException($"Could not load the font file '{fontPath}'.", nameof(fontPath));

    /// <summary>Draws the scene, then the caption (if any), and encodes the result.</summary>
    public static byte[] Render(SampleItemPlan plan, int size, SKTypeface typeface)
    {
        var rng = new Random(plan.RenderSeed);
        var canvas = new PixelCanvas(size);
        SceneRenderer.Draw(canvas, plan.Scene, rng);
        if (plan.OverlayText.Length > 0)
        {
            CaptionRenderer.Draw(canvas, plan.OverlayText, typeface, rng);
        }

        return PngEncoder.Encode(canvas);
    }
}
