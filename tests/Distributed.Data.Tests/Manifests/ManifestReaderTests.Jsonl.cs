using Distributed.Data.Manifests;

namespace Distributed.Data.Tests.Manifests;

public sealed partial class ManifestReaderTests
{
    [Fact]
    public async Task ReadAsync_SampleGeneratorLine_ReadsFieldsAndIgnoresExtras()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, "manifest.jsonl",
            "{\"id\":\"s00001\",\"text\":\"thoughts?\",\"image\":\"images/s00001.png\",\"label\":\"negative\",\"split\":\"train\",\"overlay_text\":\"SO SAD\"}\n");

        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        var entry = Assert.Single(entries);
        Assert.False(entry.IsError);
        Assert.Equal(
            new Distributed.Data.Manifests.ManifestRow(0, "s00001", "thoughts?", "images/s00001.png", "negative", "train"),
            entry.Row);
    }

    [Fact]
    public async Task ReadAsync_MvsaLines_ReadsTextOnlyRows()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, "manifest.jsonl",
            "{\"id\": \"5\", \"text\": \"RT @x: a \\\"movie star\\\"\", \"label\": \"positive\"}\n{\"id\": \"7\", \"text\": \"\", \"label\": \"neutral\"}\n");

        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.True(e.Row is { IsTextOnly: true, Split: null }));
        Assert.Equal("RT @x: a \"movie star\"", entries[0].Row!.Text);
        Assert.Equal(("7", "", "neutral", 1L), (entries[1].Row!.Id, entries[1].Row!.Text, entries[1].Row!.Label, entries[1].Index));
    }

    [Fact]
    public async Task ReadAsync_MalformedLineInMiddle_YieldsErrorWithLineNumberAndKeepsOtherRows()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, "manifest.jsonl",
            "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n{\"id\":\"c\", \"text\": oops}\n{\"id\":\"d\",\"text\":\"four\"}\n");

        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        Assert.Equal([0L, 1, 2, 3], entries.Select(e => e.Index));
        Assert.Equal(["a", "b", null, "d"], entries.Select(e => e.Row?.Id));
        var error = entries[2].Error!;
        Assert.Equal(3, error.LineNumber);
        Assert.Contains($"{path}:3:", error.Reason, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NumericIdMissingTextAndNumericLabel_StringifiesAndDefaults()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, "manifest.jsonl", "{\"id\": 42, \"label\": 1, \"image\": \"\"}\n");

        var row = Assert.Single(await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path))).Row!;

        Assert.Equal(("42", "", null, "1"), (row.Id, row.Text, row.Image, row.Label));
    }

    [Theory]
    [InlineData("{\"text\": \"no id\"}", "'id' is missing")]
    [InlineData("{\"id\": \"  \"}", "'id' is missing")]
    [InlineData("{\"id\": true}", "'id' must be a string or a number")]
    [InlineData("{\"id\": \"x\", \"text\": 5}", "'text' must be a string")]
    [InlineData("{\"id\": \"x\", \"image\": [\"a\"]}", "'image' must be a string")]
    [InlineData("[1, 2]", "expected a JSON object")]
    public async Task ReadAsync_InvalidRow_YieldsErrorNamingTheProblem(string line, string expected)
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, "manifest.jsonl", "{\"id\":\"ok\"}\n" + line + "\n{\"id\":\"ok2\"}");

        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        Assert.Equal(["ok", null, "ok2"], entries.Select(e => e.Row?.Id));
        Assert.Contains(expected, entries[1].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(2, entries[1].Error!.LineNumber);
    }

    [Fact]
    public async Task ReadAsync_BomCrlfAndBlankLines_SkipsBlanksAndCountsPhysicalLines()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "manifest.jsonl");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. "{\"id\":\"a\"}\r\n\r\n  \t\n{\"id\":\"b\"}\r\n{bad\r\n"u8]);

        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        Assert.Equal(["a", "b", null], entries.Select(e => e.Row?.Id));
        Assert.Equal([0L, 1, 2], entries.Select(e => e.Index));
        Assert.Equal(5, entries[2].Error!.LineNumber);
    }
}
