using SkiaSharp;

namespace Distributed.Data.Images;

/// <summary>Shrinks a bitmap so its longer side fits a cap, keeping the aspect ratio; never upscales.</summary>
internal static class ImageResizer
{
    /// <summary>The size of a <paramref name="width"/> × <paramref name="height"/> image fitted within <paramref name="maxSide"/>.</summary>
    public static SKSizeI FitWithin(int width, int height, int maxSide)
    {
        var longer = Math.Max(width, height);
        if (longer <= maxSide)
        {
            return new SKSizeI(width, height);
        }

        var scale = (double)maxSide / longer;
        return new SKSizeI(
            Math.Clamp((int)Math.Round(width * scale), 1, maxSide),
            Math.Clamp((int)Math.Round(height * scale), 1, maxSide));
    }

    /// <summary>
    /// A high-quality shrunk copy of <paramref name="bitmap"/>, or <paramref name="bitmap"/> itself when it already fits.
    /// </summary>
    public static SKBitmap Fit(SKBitmap bitmap, int maxSide)
    {
        var target = FitWithin(bitmap.Width, bitmap.Height, maxSide);
        if (target.Width == bitmap.Width && target.Height == bitmap.Height)
        {
            return bitmap;
        }

        return bitmap.Resize(bitmap.Info.WithSize(target.Width, target.Height), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException($"Resizing a {bitmap.Width}x{bitmap.Height} bitmap failed.");
    }
}
