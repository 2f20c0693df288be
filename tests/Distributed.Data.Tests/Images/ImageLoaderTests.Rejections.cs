using Distributed.Data.Images;
using SkiaSharp;

namespace Distributed.Data.Tests.Images;

public sealed partial class ImageLoaderTests
{
    [Fact]
    public void Load_EmptyFile_RejectsEmptyFile() =>
        AssertRejected([], ImageRejectionReasons.EmptyFile);

    [Fact]
    public void Load_OverDefaultByteCap_RejectsImageTooLarge() =>
        AssertRejected(new byte[(20 * 1024 * 1024) + 1], ImageRejectionReasons.ImageTooLarge);

    [Fact]
    public void Load_AtByteCap_Loads()
    {
        var png = TestImages.Solid(8, 8, SKColors.Green);

        var image = ImageLoader.Load(png, Source, new ImageLoadOptions { MaxBytes = png.Length });

        Assert.Equal(8, image.Width);
        AssertRejected(png, ImageRejectionReasons.ImageTooLarge, new ImageLoadOptions { MaxBytes = png.Length - 1 });
    }

    [Theory]
    [InlineData("just a caption, not a picture\n")]
    [InlineData("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>")]
    [InlineData("BM is not enough for a bitmap header")]
    public void Load_NonImageBytes_RejectsUnsupportedFormat(string content) =>
        AssertRejected(System.Text.Encoding.UTF8.GetBytes(content), ImageRejectionReasons.UnsupportedFormat);

    [Theory]
    [InlineData("png", "decoder result IncompleteInput")]
    [InlineData("jpeg", "decoder result IncompleteInput")]
    [InlineData("gif", "decoder result IncompleteInput")]
    [InlineData("webp", "decoder result InvalidInput")]
    public void Load_FileCutInHalf_RejectsUndecodableImageNotHalfDecoded(string format, string detail)
    {
        var whole = format switch
        {
            "png" => TestImages.Marked(200, 200, SKEncodedImageFormat.Png),
            "jpeg" => TestImages.Marked(200, 200, SKEncodedImageFormat.Jpeg),
            "webp" => TestImages.Marked(200, 200, SKEncodedImageFormat.Webp),
            _ => CraftedImages.Gif(60, 60, SKColors.Red),
        };

        var ex = AssertRejected(whole[..(whole.Length / 2)], ImageRejectionReasons.UndecodableImage);

        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PngMagicThenGarbage_RejectsUndecodableImage() =>
        AssertRejected([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4], ImageRejectionReasons.UndecodableImage);

    [Fact]
    public void Load_HeaderClaiming50000Squared_RejectsTooManyPixelsBeforeDecoding()
    {
        var bomb = CraftedPng.HeaderOnly(50_000, 50_000);

        var ex = AssertRejected(bomb, ImageRejectionReasons.TooManyPixels);

        Assert.Contains("50000x50000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PixelsOverConfiguredCap_RejectsTooManyPixels() =>
        AssertRejected(
            TestImages.Solid(20, 20, SKColors.Green),
            ImageRejectionReasons.TooManyPixels,
            new ImageLoadOptions { MaxPixels = 399 });

    [Fact]
    public void Load_InvalidOptions_ThrowsArgumentException()
    {
        var png = TestImages.Solid(8, 8, SKColors.Green);

        var ex = Assert.Throws<ArgumentException>(() => ImageLoader.Load(png, Source, new ImageLoadOptions { MaxSide = 0 }));

        Assert.Equal(nameof(ImageLoadOptions.MaxSide), ex.ParamName);
    }
}
