using Distributed.Data.Manifests;

namespace Distributed.Data.Tests.Manifests;

public sealed partial class ManifestReaderTests
{
    [Fact]
    public async Task ReadAsync_QuotedCommasQuotesAndNewlines_ParsesFields()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.WriteMixedCsv(temp.Path, 8);

        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        Assert.Equal(8, entries.Count);
        Assert.All(entries, e => Assert.False(e.IsError, e.Error?.Reason));
        Assert.Equal("hello, world", entries[2].Row!.Text);
        Assert.Equal("she said \"hi\"", entries[4].Row!.Text);
        Assert.Null(entries[4].Row!.Image);
        Assert.Null(entries[4].Row!.Split);
        Assert.Equal("line one\nline two, \"quoted\"", entries[6].Row!.Text);
        Assert.Equal(("dev", "neutral"), (entries[6].Row!.Split, entries[6].Row!.Label));
        Assert.Equal(
            new Distributed.Data.Manifests.ManifestRow(7, "r7", "text 7", "images/r7.png", "positive", "train"),
            entries[7].Row);
    }

    [Fact]
    public async Task ReadAsync_StrayQuoteInUnquotedField_ErrorsOnlyThatRow()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.WriteMixedCsv(temp.Path, 12);

        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        Assert.Equal(12, entries.Count);
        var error = Assert.Single(entries, e => e.IsError).Error!;
        Assert.Equal(9, error.Index);
        Assert.Contains("quote inside unquoted field in column 2", error.Reason, StringComparison.Ordinal);
        Assert.Contains(path, error.Reason, StringComparison.Ordinal);
        Assert.Equal("r10", entries[10].Row!.Id);
    }

    [Fact]
    public async Task ReadAsync_FieldCountMismatchAndMissingId_YieldErrorsWithLineNumbers()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, "m.csv", "ID, Text\n1,one\n2,two,extra\n,empty id\n\"4\",\"four\"\n");

        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        Assert.Equal(["1", null, null, "4"], entries.Select(e => e.Row?.Id));
        Assert.Equal(3, entries[1].Error!.LineNumber);
        Assert.Contains("expected 2 fields", entries[1].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(4, entries[2].Error!.LineNumber);
    }

    [Fact]
    public async Task ReadAsync_CsvWithoutIdColumn_ThrowsNamingFile()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, "m.csv", "name,text\na,b\n");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path)));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'id'", ex.Message, StringComparison.Ordinal);
    }
}
