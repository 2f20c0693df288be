using Distributed.Data.Images;

namespace Distributed.Data.Tests.Images;

public sealed class ImageLoadOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new ImageLoadOptions();

        options.Validate();

        Assert.Equal((20L * 1024 * 1024, 50_000_000L, 1024), (options.MaxBytes, options.MaxPixels, options.MaxSide));
        Assert.Equal((ImageOutputFormat.Png, 90), (options.OutputFormat, options.JpegQuality));
    }

    public static TheoryData<ImageLoadOptions, string, string> InvalidOptions => new()
    {
        { new ImageLoadOptions { MaxBytes = 0 }, "MaxBytes", "between 1 and 1073741824" },
        { new ImageLoadOptions { MaxPixels = 0 }, "MaxPixels", "between 1 and 1000000000" },
        { new ImageLoadOptions { MaxPixels = 1_000_000_001 }, "MaxPixels", "between 1 and 1000000000" },
        { new ImageLoadOptions { MaxSide = 15 }, "MaxSide", "between 16 and 16384" },
        { new ImageLoadOptions { MaxSide = 16_385 }, "MaxSide", "between 16 and 16384" },
        { new ImageLoadOptions { OutputFormat = (ImageOutputFormat)7 }, "OutputFormat", "Png or Jpeg" },
        { new ImageLoadOptions { JpegQuality = 0 }, "JpegQuality", "between 1 and 100" },
        { new ImageLoadOptions { JpegQuality = 101 }, "JpegQuality", "between 1 and 100" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_OutOfRange_ThrowsNamingOptionAndRange(ImageLoadOptions options, string option, string range)
    {
        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(option, ex.ParamName);
        Assert.Contains("ImageLoadOptions." + option, ex.Message, StringComparison.Ordinal);
        Assert.Contains(range, ex.Message, StringComparison.Ordinal);
    }
}
