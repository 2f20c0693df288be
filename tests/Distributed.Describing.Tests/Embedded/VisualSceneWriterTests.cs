using Distributed.Describing.Embedded;

namespace Distributed.Describing.Tests.Embedded;

public sealed class VisualSceneWriterTests
{
    [Fact]
    public void Describe_KnownCues_FixedFormatSentence()
    {
        var cues = new VisualCues(0.81, 0.30, 0.72, 64.2, 0.031, 0.45, [new("yellow", 0.46), new("orange", 0.214)]);

        Assert.Equal(
            "bright (luma 0.81), high contrast (std 0.30), saturated (0.72), quite colourful (M 64), warm (warmth +0.45); " +
            "dominant colours: yellow 46%, orange 21%; low clutter (edges 3%)",
            VisualSceneWriter.Describe(cues));
    }

    [Fact]
    public void Describe_DarkClutteredCool_GloomyWords()
    {
        var cues = new VisualCues(0.2, 0.05, 0.1, 10, 0.3, -0.4, [new("black", 0.7)]);

        Assert.Equal(
            "dark (luma 0.20), low contrast (std 0.05), desaturated (0.10), not colourful (M 10), cool (warmth -0.40); " +
            "dominant colours: black 70%; high clutter (edges 30%)",
            VisualSceneWriter.Describe(cues));
    }

    [Theory]
    [InlineData(0.29, "dark")]
    [InlineData(0.3, "dim")]
    [InlineData(0.5, "moderately bright")]
    [InlineData(0.7, "bright")]
    public void BrightnessWord_Thresholds(double luma, string word) =>
        Assert.Equal(word, VisualSceneWriter.BrightnessWord(new VisualCues(luma, 0, 0, 0, 0, 0, [])));
}
