using Distributed.Describing.Embedded;
using SkiaSharp;

namespace Distributed.Describing.Tests.Embedded;

public sealed class VisualCueAnalyzerTests
{
    [Fact]
    public void Measure_SolidWhite_BrightUnsaturatedNoEdges()
    {
        using var image = TestImages.Solid(SKColors.White);

        var cues = VisualCueAnalyzer.Measure(image);

        Assert.Equal(1.0, cues.Brightness, 3);
        Assert.Equal(0.0, cues.Contrast, 3);
        Assert.Equal(0.0, cues.Saturation, 3);
        Assert.Equal(0.0, cues.Colourfulness, 3);
        Assert.Equal(0.0, cues.EdgeDensity, 3);
        Assert.Equal(0.0, cues.Warmth, 3);
        Assert.Equal([new ColourShare("white", 1.0)], cues.DominantColours);
    }

    [Fact]
    public void Measure_SolidBlack_LumaZeroNamedBlack()
    {
        using var image = TestImages.Solid(SKColors.Black);

        var cues = VisualCueAnalyzer.Measure(image);

        Assert.Equal(0.0, cues.Brightness, 3);
        Assert.Equal("black", Assert.Single(cues.DominantColours).Name);
    }

    [Theory]
    [InlineData(255, 0, 0, 0.299, "red")]
    [InlineData(0, 0, 255, 0.114, "blue")]
    [InlineData(255, 255, 0, 0.886, "yellow")]
    [InlineData(0, 128, 0, 0.2946, "green")]
    public void Measure_SolidPrimary_KnownLumaFullSaturationNamedColour(byte r, byte g, byte b, double luma, string name)
    {
        using var image = TestImages.Solid(new SKColor(r, g, b));

        var cues = VisualCueAnalyzer.Measure(image);

        Assert.Equal(luma, cues.Brightness, 3);
        Assert.Equal(1.0, cues.Saturation, 3);
        Assert.Equal(name, Assert.Single(cues.DominantColours).Name);
        Assert.Equal(1.0, cues.DominantColours[0].Share, 3);
    }

    [Fact]
    public void Measure_SolidRed_HaslerColourfulnessFromMeans()
    {
        using var image = TestImages.Solid(new SKColor(255, 0, 0));

        // No spread, so M = 0.3 * sqrt(rg^2 + yb^2) with rg = 255, yb = 127.5.
        Assert.Equal(0.3 * Math.Sqrt((255.0 * 255) + (127.5 * 127.5)), VisualCueAnalyzer.Measure(image).Colourfulness, 3);
    }

    [Fact]
    public void Measure_WarmAndCoolSolids_WarmthSign()
    {
        using var orange = TestImages.Solid(new SKColor(255, 140, 0));
        using var blue = TestImages.Solid(new SKColor(30, 60, 200));

        Assert.Equal(1.0, VisualCueAnalyzer.Measure(orange).Warmth, 3);
        Assert.Equal(-1.0, VisualCueAnalyzer.Measure(blue).Warmth, 3);
    }

    [Fact]
    public void Measure_HalfBlackHalfWhite_MaximalContrastOneEdgeColumnPair()
    {
        using var image = TestImages.HalfBlackHalfWhite(64);

        var cues = VisualCueAnalyzer.Measure(image);

        Assert.Equal(0.5, cues.Brightness, 3);
        Assert.Equal(0.5, cues.Contrast, 3);
        Assert.Equal(2.0 / 62, cues.EdgeDensity, 4); // columns 31 and 32 of the 62 interior columns
        Assert.Equal(["black", "white"], cues.DominantColours.Select(c => c.Name));
        Assert.Equal(0.5, cues.DominantColours[0].Share, 3);
    }

    [Fact]
    public void Measure_NoiseVersusFlat_NoiseIsCluttered()
    {
        using var noise = TestImages.Noise(seed: 7);
        using var flat = TestImages.Solid(new SKColor(128, 128, 128));

        var noisy = VisualCueAnalyzer.Measure(noise);
        var calm = VisualCueAnalyzer.Measure(flat);

        Assert.True(noisy.EdgeDensity > 0.8, $"noise edge density {noisy.EdgeDensity}");
        Assert.Equal(0.0, calm.EdgeDensity, 3);
        Assert.True(noisy.Contrast > 0.25, $"noise contrast {noisy.Contrast}");
    }

    [Fact]
    public void Measure_NonRgbaBitmap_ConvertsFirst()
    {
        using var rgba = TestImages.Solid(new SKColor(255, 140, 0));
        using var bgra = rgba.Copy(SKColorType.Bgra8888);

        Assert.Equal(VisualCueAnalyzer.Measure(rgba).Brightness, VisualCueAnalyzer.Measure(bgra).Brightness, 6);
    }
}
