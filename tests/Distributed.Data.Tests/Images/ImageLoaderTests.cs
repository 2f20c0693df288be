using System.Security.Cryptography;
using Distributed.Data.Images;
using SkiaSharp;

namespace Distributed.Data.Tests.Images;

public sealed partial class ImageLoaderTests
{
    private const string Source = "datasets/memes/row-17.png";
    private static readonly ImageLoadOptions Defaults = new();

    [Fact]
    public void Load_SmallPng_KeepsSizeAndHashesOriginalBytes()
    {
        var png = TestImages.Marked(60, 30, SKEncodedImageFormat.Png);

        var image = ImageLoader.Load(png, Source, Defaults);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), image.Sha256);
        Assert.Equal((60, 30, 60, 30), (image.Width, image.Height, image.OriginalWidth, image.OriginalHeight));
        Assert.Equal(("png", "image/png"), (image.OriginalFormat, image.MediaType));
        Assert.True(TestImages.IsRed(TestImages.PixelAt(image.Encoded, 2, 2)));
        Assert.True(TestImages.IsBlue(TestImages.PixelAt(image.Encoded, 58, 28)));
    }

    [Fact]
    public void Load_PngNeedingNoTransform_SendsOriginalBytes()
    {
        var png = TestImages.Marked(60, 30, SKEncodedImageFormat.Png);

        Assert.Equal(png, ImageLoader.Load(png, Source, Defaults).Encoded);
    }

    [Fact]
    public void Load_PngNeedingResize_IsReencoded()
    {
        var png = TestImages.Marked(600, 300, SKEncodedImageFormat.Png);

        var image = ImageLoader.Load(png, Source, Defaults with { MaxSide = 100 });

        Assert.NotEqual(png, image.Encoded);
        Assert.Equal((100, 50), (image.Width, image.Height));
    }

    [Fact]
    public void Load_SpanAndArray_GiveSameImage()
    {
        var png = TestImages.Solid(8, 8, SKColors.Green);

        var fromArray = ImageLoader.Load(png, Source, Defaults);
        var fromSpan = ImageLoader.Load(png.AsSpan(), Source, Defaults);

        Assert.Equal(fromArray.Sha256, fromSpan.Sha256);
        Assert.Equal(fromArray.Encoded, fromSpan.Encoded);
    }

    [Theory]
    [InlineData(1200, 600, 1024, 1024, 512)]
    [InlineData(300, 1000, 256, 77, 256)]
    public void Load_LargePng_ShrinksToMaxSideKeepingAspect(
        int width, int height, int maxSide, int expectedWidth, int expectedHeight)
    {
        var png = TestImages.Marked(width, height, SKEncodedImageFormat.Png);

        var image = ImageLoader.Load(png, Source, new ImageLoadOptions { MaxSide = maxSide });

        Assert.Equal((expectedWidth, expectedHeight), (image.Width, image.Height));
        Assert.Equal((width, height), (image.OriginalWidth, image.OriginalHeight));
        Assert.True(TestImages.IsRed(TestImages.PixelAt(image.Encoded, 5, 5)));
        Assert.True(TestImages.IsBlue(TestImages.PixelAt(image.Encoded, expectedWidth - 5, expectedHeight - 5)));
    }

    [Fact]
    public void Load_LargeJpeg_ShrinksToMaxSide()
    {
        var jpeg = TestImages.Marked(3000, 1500, SKEncodedImageFormat.Jpeg);

        var image = ImageLoader.Load(jpeg, Source, new ImageLoadOptions { MaxSide = 512 });

        Assert.Equal((512, 256, 3000, 1500), (image.Width, image.Height, image.OriginalWidth, image.OriginalHeight));
        Assert.True(TestImages.IsRed(TestImages.PixelAt(image.Encoded, 10, 10)));
    }

    private static ImageRejectedException AssertRejected(byte[] bytes, string reason, ImageLoadOptions? options = null)
    {
        var ex = Assert.Throws<ImageRejectedException>(() => ImageLoader.Load(bytes, Source, options ?? Defaults));
        Assert.Equal(reason, ex.Reason);
        Assert.Equal(Source, ex.SourceName);
        Assert.Contains(Source, ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        return ex;
    }
}
