using Distributed.Data.Samples;

namespace Distributed.Data.Tests;

public sealed class SampleDatasetOptionsTests
{
    [Fact]
    public void Options_Defaults_AreValid()
    {
        var options = new SampleDatasetOptions();

        options.Validate();

        Assert.Equal((300, 42, 256), (options.Count, options.Seed, options.ImageSize));
    }

    [Theory]
    [InlineData(0, 256, "Count", "between 10 and 100000")]
    [InlineData(100_001, 256, "Count", "between 10 and 100000")]
    [InlineData(300, 127, "ImageSize", "between 128 and 1024")]
    [InlineData(300, 1025, "ImageSize", "between 128 and 1024")]
    public void Options_OutOfRange_ThrowsNamingOption(int count, int imageSize, string option, string range)
    {
        var options = new SampleDatasetOptions { Count = count, ImageSize = imageSize };

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(option, ex.Message, StringComparison.Ordinal);
        Assert.Contains(range, ex.Message, StringComparison.Ordinal);
        Assert.Equal(option, ex.ParamName);
    }

    [Fact]
    public async Task Options_MissingFont_Throws()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-font-" + Guid.NewGuid().ToString("N") + ".ttf");
        using var folder = new TempFolder();
        var options = new SampleDatasetOptions { Count = 10, FontPath = path };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => SampleDataset.EnsureAsync(folder.Path, options));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, SampleDataset.ManifestFileName)));
    }
}
