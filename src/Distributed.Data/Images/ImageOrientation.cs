using SkiaSharp;

namespace Distributed.Data.Images;

/// <summary>Turns a decoded bitmap upright according to its EXIF orientation (<see cref="SKEncodedOrigin"/>).</summary>
internal static class ImageOrientation
{
    /// <summary>True when the origin swaps width and height (the four transposing orientations, EXIF 5–8).</summary>
    public static bool SwapsSides(SKEncodedOrigin origin) => origin is
        SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>
    /// An upright copy of <paramref name="stored"/>, or <paramref name="stored"/> itself when the origin is
    /// top-left. The transforms map pixel centres onto pixel centres, so no pixel is resampled.
    /// </summary>
    public static SKBitmap ToUpright(SKBitmap stored, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft || !Enum.IsDefined(origin))
        {
            return stored;
        }

        float w = stored.Width;
        float h = stored.Height;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1), // LeftBottom: 90° counter-clockwise.
        };

        var info = SwapsSides(origin)
            ? stored.Info.WithSize(stored.Height, stored.Width)
            : stored.Info;
        var upright = new SKBitmap(info);
        using var canvas = new SKCanvas(upright);
        using var copy = new SKPaint { BlendMode = SKBlendMode.Src };
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(stored, 0, 0, copy);
        canvas.Flush();
        return upright;
    }
}
