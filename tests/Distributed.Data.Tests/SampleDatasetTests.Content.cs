namespace Distributed.Data.Tests;

public sealed partial class SampleDatasetTests
{
    private static readonly string[] Fields = ["id", "text", "image", "label", "split", "overlay_text"];

    [Fact]
    public void Generate_Manifest_RowsHaveFieldsAndImagesDecode()
    {
        var lines = File.ReadAllLines(fixture.Summary.ManifestPath);

        Assert.Equal(300, lines.Length);
        Assert.All(lines, l => Assert.All(Fields, f => Assert.Contains($"\"{f}\":", l, StringComparison.Ordinal)));
        Assert.Equal((300, 300, true), (fixture.Summary.Rows, fixture.Summary.Images, fixture.Summary.Generated));
        Assert.Equal(300, fixture.Rows.Select(r => r.Id).Distinct().Count());
        Assert.All(fixture.Rows, r =>
        {
            Assert.Equal($"images/{r.Id}.png", r.Image);
            Assert.True(File.Exists(Path.Combine(fixture.Folder, r.Image)));
            Assert.Equal((256, 256), (fixture.Cues[r.Id].Width, fixture.Cues[r.Id].Height));
            Assert.Contains(r.Label, new[] { "positive", "neutral", "negative" });
            Assert.Contains(r.Split, new[] { "train", "dev", "test" });
            Assert.False(string.IsNullOrWhiteSpace(r.Text));
        });
    }

    [Fact]
    public void Generate_Labels_DependOnImage()
    {
        var rows = fixture.Rows;
        var textOnlyBayes = rows.GroupBy(r => r.Text, StringComparer.Ordinal)
            .Sum(g => g.GroupBy(r => r.Label).Max(l => l.Count())) / (double)rows.Count;
        var withImage = rows.GroupBy(r => (r.Text, r.OverlayText, fixture.Cues[r.Id].SceneClass))
            .Sum(g => g.GroupBy(r => r.Label).Max(l => l.Count())) / (double)rows.Count;
        output.WriteLine($"text-only Bayes accuracy {textOnlyBayes:F3}; text+caption+scene {withImage:F3}");

        Assert.True(textOnlyBayes < 0.8, $"text-only Bayes accuracy {textOnlyBayes:F3} should be < 0.8");
        Assert.Equal(1.0, withImage);
        Assert.Equal(["negative", "neutral", "positive"], fixture.Summary.Labels.Keys);
        Assert.Equal(["dev", "test", "train"], fixture.Summary.Splits.Keys);
        Assert.InRange(fixture.Summary.Splits["train"] / 300.0, 0.7, 0.9);
    }

    [Fact]
    public void Generate_Labels_FollowCaptionElseMeasuredScene()
    {
        var captioned = fixture.Rows.Where(r => r.OverlayText.Length > 0).ToList();
        var plain = fixture.Rows.Where(r => r.OverlayText.Length == 0).ToList();

        Assert.InRange(captioned.Count / 300.0, 0.45, 0.75);
        Assert.All(captioned.GroupBy(r => r.OverlayText), g => Assert.Single(g.Select(r => r.Label).Distinct()));
        Assert.All(plain, r => Assert.Equal(r.Label, fixture.Cues[r.Id].SceneClass));
        Assert.Contains(captioned, r => fixture.Cues[r.Id].SceneClass != r.Label); // decoy scenes exist
    }
}
