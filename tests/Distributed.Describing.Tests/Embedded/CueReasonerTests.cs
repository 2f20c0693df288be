using Distributed.Describing.Embedded;

namespace Distributed.Describing.Tests.Embedded;

public sealed class CueReasonerTests
{
    private static readonly VisualCues Upbeat = new(0.8, 0.2, 0.6, 70, 0.02, 0.6, [new("yellow", 0.6)]);
    private static readonly VisualCues Gloomy = new(0.2, 0.1, 0.05, 5, 0.3, 0, [new("black", 0.8)]);
    private static readonly VisualCues Neutral = new(0.5, 0.1, 0.2, 20, 0.05, 0, [new("grey", 0.8)]);

    [Fact]
    public void Explain_PositiveTextUpbeatImagePositivePost_Consistent()
    {
        var reasoning = CueReasoner.Explain("SO HAPPY", Upbeat, "what a great day!");

        Assert.Equal(
            "The image text \"SO HAPPY\" reads positive; the visual tone is upbeat (bright, warm, colourful); " +
            "the post text reads positive. Image and post are consistent: overall positive.",
            reasoning);
    }

    [Fact]
    public void Explain_NegativeTextPositivePost_ConflictingLeansImageText()
    {
        var reasoning = CueReasoner.Explain("WORST DAY", Neutral, "this is wonderful");

        Assert.Contains("Image and post are conflicting, possibly ironic: overall leans negative", reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_NoTextGloomyImageNeutralPost_ComplementaryNegative()
    {
        var reasoning = CueReasoner.Explain("", Gloomy, "look at this");

        Assert.StartsWith("The image has no readable text; the visual tone is gloomy (dark, desaturated, cluttered);", reasoning, StringComparison.Ordinal);
        Assert.EndsWith("Image and post are complementary (the image supplies a sentiment the post leaves unstated): overall negative.", reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_PositiveTextGloomyImage_MentionsPossibleIrony() =>
        Assert.Contains("may be ironic", CueReasoner.Explain("BEST DAY EVER", Gloomy, ""), StringComparison.Ordinal);

    [Fact]
    public void Explain_NoPost_ImageAloneCarriesAffect() =>
        Assert.EndsWith("The image alone carries the affect: overall positive.", CueReasoner.Explain("", Upbeat, null), StringComparison.Ordinal);

    [Fact]
    public void Explain_NeutralImagePositivePost_ComplementaryFollowsPost() =>
        Assert.EndsWith(
            "Image and post are complementary (the image adds context without a sentiment of its own): overall positive.",
            CueReasoner.Explain("ROOM 204", Neutral, "so happy right now"),
            StringComparison.Ordinal);

    [Fact]
    public void Explain_MidGreyImage_NeutralTone() =>
        Assert.Contains(
            "the visual tone is neutral;",
            CueReasoner.Explain("", new VisualCues(0.5, 0.08, 0.02, 3, 0.03, 0, [new("grey", 0.97)]), "ok."),
            StringComparison.Ordinal);

    [Fact]
    public void Explain_DarkSaturatedImage_GloomyBecauseDark() =>
        Assert.Contains(
            "the visual tone is gloomy (dark);",
            CueReasoner.Explain("", new VisualCues(0.16, 0.12, 0.41, 11, 0.04, -0.7, [new("purple", 0.69)]), "ok."),
            StringComparison.Ordinal);

    [Fact]
    public void Explain_LongText_QuoteTruncated() =>
        Assert.Contains("...\" carries", CueReasoner.Explain(new string('x', 100), Neutral, ""), StringComparison.Ordinal);
}
