using Distributed.Data.Images;
using SkiaSharp;

namespace Distributed.Data.Tests.Images;

public sealed partial class ImageLoaderTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, "jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "webp")]
    [InlineData(SKEncodedImageFormat.Png, "png")]
    public void Load_SkiaEncodedFormat_DecodesToPng(SKEncodedImageFormat format, string expectedFormat)
    {
        var bytes = TestImages.Marked(48, 24, format);

        var image = ImageLoader.Load(bytes, Source, Defaults);

        Assert.Equal((expectedFormat, "image/png", 48, 24), (image.OriginalFormat, image.MediaType, image.Width, image.Height));
        Assert.True(TestImages.IsRed(TestImages.PixelAt(image.Encoded, 3, 3)));
        Assert.True(TestImages.IsBlue(TestImages.PixelAt(image.Encoded, 44, 20)));
    }

    [Fact]
    public void Load_Bmp_DecodesRowsTopDown()
    {
        var bmp = CraftedImages.Bmp(10, 6, SKColors.Red, SKColors.Blue);

        var image = ImageLoader.Load(bmp, Source, Defaults);

        Assert.Equal(("bmp", 10, 6), (image.OriginalFormat, image.Width, image.Height));
        Assert.Equal(SKColors.Red, TestImages.PixelAt(image.Encoded, 0, 0));
        Assert.Equal(SKColors.Blue, TestImages.PixelAt(image.Encoded, 9, 5));
    }

    [Fact]
    public void Load_AnimatedGif_KeepsFirstFrame()
    {
        var gif = CraftedImages.Gif(5, 4, SKColors.Red, SKColors.Blue);

        var image = ImageLoader.Load(gif, Source, Defaults);

        Assert.Equal(("gif", 5, 4), (image.OriginalFormat, image.Width, image.Height));
        Assert.Equal(SKColors.Red, TestImages.PixelAt(image.Encoded, 4, 3));
    }

    [Theory]
    [InlineData(1, 48, 24, 3, 3, 44, 20)]
    [InlineData(3, 48, 24, 44, 20, 3, 3)]
    [InlineData(6, 24, 48, 20, 3, 3, 3)]
    [InlineData(8, 24, 48, 3, 44, 20, 3)]
    public void Load_ExifOrientation_TurnsUpright(
        int orientation, int width, int height, int redX, int redY, int blueX, int blueY)
    {
        var jpeg = TestImages.WithExifOrientation(TestImages.Marked(48, 24, SKEncodedImageFormat.Jpeg), orientation);

        var image = ImageLoader.Load(jpeg, Source, Defaults);

        Assert.Equal((width, height, 48, 24), (image.Width, image.Height, image.OriginalWidth, image.OriginalHeight));
        Assert.True(TestImages.IsRed(TestImages.PixelAt(image.Encoded, redX, redY)));
        Assert.True(TestImages.IsBlue(TestImages.PixelAt(image.Encoded, blueX, blueY)));
    }

    [Fact]
    public void Load_JpegOutput_EncodesJpegAndFlattensTransparencyOntoWhite()
    {
        var png = TestImages.Solid(16, 16, SKColors.Transparent);

        var image = ImageLoader.Load(png, Source, new ImageLoadOptions { OutputFormat = ImageOutputFormat.Jpeg });

        Assert.Equal("image/jpeg", image.MediaType);
        Assert.Equal([0xFF, 0xD8, 0xFF], image.Encoded[..3]);
        Assert.True(TestImages.PixelAt(image.Encoded, 8, 8).Red > 240);
    }
}
