using SkiaSharp;

namespace Distributed.Training.Vision;

/// <summary>
/// Turns a decoded image into the input ResNet18.onnx was packaged with, reproducing ML.NET's DnnImageFeaturizer
/// pipeline (<c>ResizeImages</c> with its defaults, <c>ExtractPixels</c> with its defaults, then the package's
/// ResNetPreprocess.onnx, which splits R, G, B, concatenates them as B, G, R and subtracts the MeanImage initializer):
/// <list type="number">
/// <item>resize so the shorter side is 224 and crop the centre 224×224 (ML.NET's default <c>IsoCrop</c> with a centre
/// anchor); done here as one high-quality resample of the centred square, which differs from resize-then-crop only in
/// the filter's reach at the crop border;</item>
/// <item>transparent pixels are composited over white (ML.NET would read the stored colour and ignore alpha);</item>
/// <item>planes in B, G, R order, values 0–255 (no 1/255 scaling, no standard deviation), minus the package's
/// per-pixel mean image (Caffe-style ImageNet mean: B ≈ 103, G ≈ 116, R ≈ 123 on average).</item>
/// </list>
/// This is not torchvision's recipe (RGB, resize 256 + crop 224, /255, mean/std): the network is a CNTK ResNet18
/// trained on BGR 0–255 minus a mean image.
/// </summary>
internal static class ResNet18Preprocessing
{
    private const int Side = ResNet18Model.Side;

    /// <summary>Number of floats in one input: 3 × 224 × 224.</summary>
    public const int InputLength = 3 * Side * Side;

    /// <summary>The square centre crop of a <paramref name="width"/> × <paramref name="height"/> image.</summary>
    public static SKRectI CentreSquare(int width, int height)
    {
        var side = Math.Min(width, height);
        var left = (width - side) / 2;
        var top = (height - side) / 2;
        return new SKRectI(left, top, left + side, top + side);
    }

    /// <summary>Writes the network input for <paramref name="image"/> (RGBA8888, premultiplied) into <paramref name="input"/>.</summary>
    public static void Fill(SKBitmap image, float[] meanImage, Span<float> input)
    {
        if (input.Length != InputLength)
        {
            throw new ArgumentException($"The input buffer holds {input.Length} floats, not {InputLength}.", nameof(input));
        }

        using var square = new SKBitmap();
        if (!image.ExtractSubset(square, CentreSquare(image.Width, image.Height)))
        {
            throw new InvalidOperationException($"Cropping a {image.Width}x{image.Height} image failed.");
        }

        var sized = square.Width == Side
            ? square
            : square.Resize(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
                ?? throw new InvalidOperationException($"Resizing a {square.Width}x{square.Height} crop to {Side}x{Side} failed.");
        try
        {
            WritePlanes(sized, meanImage, input);
        }
        finally
        {
            if (!ReferenceEquals(sized, square))
            {
                sized.Dispose();
            }
        }
    }

    private static void WritePlanes(SKBitmap sized, float[] meanImage, Span<float> input)
    {
        if (sized.ColorType != SKColorType.Rgba8888 || sized.AlphaType != SKAlphaType.Premul)
        {
            throw new InvalidOperationException($"Expected RGBA8888 premultiplied pixels, got {sized.ColorType} {sized.AlphaType}.");
        }

        var pixels = sized.GetPixelSpan();
        var rowBytes = sized.RowBytes;
        const int Plane = Side * Side;
        for (var y = 0; y < Side; y++)
        {
            var row = pixels.Slice(y * rowBytes, Side * 4);
            for (var x = 0; x < Side; x++)
            {
                var at = y * Side + x;
                var white = 255 - row[x * 4 + 3]; // premultiplied colour over white: c + (255 - a)
                input[at] = row[x * 4 + 2] + white - meanImage[at];
                input[Plane + at] = row[x * 4 + 1] + white - meanImage[Plane + at];
                input[2 * Plane + at] = row[x * 4] + white - meanImage[2 * Plane + at];
            }
        }
    }
}
