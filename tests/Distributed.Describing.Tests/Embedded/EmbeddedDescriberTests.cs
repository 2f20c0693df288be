using System.Security.Cryptography;
using Distributed.Abstractions.Describing;
using Distributed.Describing.Embedded;
using Distributed.Describing.Prompt;
using SkiaSharp;

namespace Distributed.Describing.Tests.Embedded;

public sealed class EmbeddedDescriberTests
{
    [SkippableFact]
    public void Identity_Default_EmbeddedIdsOwnPromptVersionUsesPost()
    {
        Requirements.Tesseract();
        using var describer = new EmbeddedDescriber();

        Assert.Equal(
            new DescriberIdentity("embedded-ocr-cues/1", "embedded-ocr-cues/1", EmbeddedFieldRules.PromptVersion, true, 1024),
            describer.Identity);
        Assert.Matches("^[0-9a-f]{16}$", describer.Identity.PromptVersion);
        Assert.NotEqual(DescriptionPrompt.Default.Version, describer.Identity.PromptVersion);
    }

    [SkippableFact]
    public async Task DescribeAsync_DrawnText_ReadsTextAndReturnsSchemaValidJson()
    {
        Requirements.Tesseract();
        using var describer = new EmbeddedDescriber();
        using var image = TestImages.Text("GREAT NEWS TODAY", SKColors.Black, new SKColor(255, 220, 60));

        var outcome = await describer.DescribeAsync(Request(TestImages.Png(image), "so happy right now"), CancellationToken.None);

        Assert.Equal(FailureKind.None, outcome.Failure);
        Assert.Equal("GREAT NEWS TODAY", outcome.Fields!.Ocr);
        Assert.StartsWith("bright (luma", outcome.Fields.VisualScene, StringComparison.Ordinal);
        Assert.Contains("dominant colours: yellow", outcome.Fields.VisualScene, StringComparison.Ordinal);
        Assert.EndsWith("Image and post are consistent: overall positive.", outcome.Fields.Reasoning, StringComparison.Ordinal);
        Assert.Equal(outcome.Fields, DescriptionReplyValidator.Validate(outcome.RawJson).Fields);
        Assert.Equal(EmbeddedDescriber.Id, outcome.Model);
        Assert.True(outcome.LatencyMs > 0);
    }

    [SkippableFact]
    public async Task DescribeAsync_LightTextOnDark_ReadsText()
    {
        Requirements.Tesseract();
        using var describer = new EmbeddedDescriber();
        using var image = TestImages.Text("SO SAD", SKColors.White, new SKColor(20, 30, 60), fontSize: 48);

        var outcome = await describer.DescribeAsync(Request(TestImages.Png(image), ""), CancellationToken.None);

        Assert.Equal("SO SAD", outcome.Fields!.Ocr);
    }

    [SkippableFact]
    public async Task DescribeAsync_BlankImage_EmptyOcr()
    {
        Requirements.Tesseract();
        using var describer = new EmbeddedDescriber();
        using var image = TestImages.Solid(new SKColor(40, 90, 200), 200);

        var outcome = await describer.DescribeAsync(Request(TestImages.Png(image), "look at this"), CancellationToken.None);

        Assert.Equal("", outcome.Fields!.Ocr);
        Assert.StartsWith("The image has no readable text", outcome.Fields.Reasoning, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DescribeAsync_UndecodableBytes_PermanentFailureNamingImage()
    {
        Requirements.Tesseract();
        using var describer = new EmbeddedDescriber();
        var request = new DescribeRequest(new string('a', 64), [1, 2, 3, 4], "image/png", "post");

        var outcome = await describer.DescribeAsync(request, CancellationToken.None);

        Assert.Equal(FailureKind.Permanent, outcome.Failure);
        Assert.Equal("undecodable_image", outcome.ErrorReason);
        Assert.Contains(request.ImageSha256, outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(outcome.Fields);
    }

    [SkippableFact]
    public async Task DescribeAsync_HeaderOverFiftyMegapixels_PermanentOversized()
    {
        Requirements.Tesseract();
        using var describer = new EmbeddedDescriber();
        var request = new DescribeRequest(new string('b', 64), CraftedPng.HeaderOnly(10_000, 6_000), "image/png", "");

        var outcome = await describer.DescribeAsync(request, CancellationToken.None);

        Assert.Equal(FailureKind.Permanent, outcome.Failure);
        Assert.Equal("oversized_image", outcome.ErrorReason);
        Assert.Contains(request.ImageSha256, outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DescribeAsync_EightParallelCalls_SameAsSequential()
    {
        Requirements.Tesseract();
        using var describer = new EmbeddedDescriber(new EmbeddedDescriberOptions { MaxConcurrency = 4 });
        string[] captions = ["WE WON", "SO ANGRY", "BUS 42", "PURE JOY", "NOT AGAIN", "MONDAY", "SO PROUD", "NOTICE"];
        var requests = captions.Select((caption, i) =>
        {
            using var image = TestImages.Text(caption, SKColors.White, new SKColor((byte)(30 * i), 60, 120), 320, 100, 36);
            return Request(TestImages.Png(image), i % 2 == 0 ? "what a great day" : "");
        }).ToArray();

        var sequential = new List<DescribeOutcome>();
        foreach (var request in requests)
        {
            sequential.Add(await describer.DescribeAsync(request, CancellationToken.None));
        }

        var parallel = await Task.WhenAll(requests.Select(r => Task.Run(() => describer.DescribeAsync(r, CancellationToken.None))));

        Assert.Equal(sequential.Select(o => o.RawJson), parallel.Select(o => o.RawJson));
        Assert.All(parallel, o => Assert.Equal(FailureKind.None, o.Failure));
    }

    [SkippableFact]
    public async Task DescribeAsync_Cancelled_Throws()
    {
        Requirements.Tesseract();
        using var describer = new EmbeddedDescriber();
        using var image = TestImages.Solid(SKColors.White, 32);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => describer.DescribeAsync(Request(TestImages.Png(image), ""), new CancellationToken(canceled: true)));
    }

    private static DescribeRequest Request(byte[] png, string post) =>
        new(Convert.ToHexStringLower(SHA256.HashData(png)), png, "image/png", post);
}
