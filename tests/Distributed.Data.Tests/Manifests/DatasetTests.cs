using Distributed.Data.Manifests;

namespace Distributed.Data.Tests.Manifests;

public sealed class DatasetTests
{
    [Fact]
    public void Open_FolderWithSplitFiles_ListsThemWithImpliedSplit()
    {
        using var temp = new TempFolder();
        foreach (var split in new[] { "test", "train", "dev" })
        {
            ManifestFiles.Write(temp.Path, split + ".jsonl", "{\"id\":\"a\"}\n");
        }

        ManifestFiles.Write(temp.Path, "other.jsonl", "{\"id\":\"a\"}\n");

        var files = Dataset.Open(temp.Path);

        Assert.Equal(["train", "dev", "test"], files.Select(f => f.Split));
        Assert.All(files, f => Assert.Equal((ManifestFormat.Jsonl, f.Split + ".jsonl"), (f.Format, Path.GetFileName(f.Path))));
    }

    [Fact]
    public void Open_FolderWithTrainOnly_ListsTrain()
    {
        using var temp = new TempFolder();
        ManifestFiles.Write(temp.Path, "train.jsonl", "{\"id\":\"a\"}\n");

        Assert.Equal(["train"], Dataset.Open(temp.Path).Select(f => f.Split));
    }

    [Theory]
    [InlineData("m.jsonl", ManifestFormat.Jsonl)]
    [InlineData("m.CSV", ManifestFormat.Csv)]
    [InlineData("m.parquet", ManifestFormat.Parquet)]
    public void Open_ManifestFile_ReturnsItWithoutSplit(string name, ManifestFormat format)
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, name, string.Empty);

        var file = Assert.Single(Dataset.Open(path));

        Assert.Equal(new ManifestFile(path, format), file);
    }

    [Fact]
    public void Open_MissingPathEmptyFolderOrUnknownExtension_ThrowNamingThePath()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "nope");
        var text = ManifestFiles.Write(temp.Path, "m.txt", string.Empty);

        Assert.Contains(missing, Assert.Throws<FileNotFoundException>(() => Dataset.Open(missing)).Message, StringComparison.Ordinal);
        Assert.Contains(temp.Path, Assert.Throws<FileNotFoundException>(() => Dataset.Open(temp.Path)).Message, StringComparison.Ordinal);
        Assert.Contains(text, Assert.Throws<NotSupportedException>(() => Dataset.Open(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_RowSplitDisagreesWithFile_ThatRowIsAnError()
    {
        using var temp = new TempFolder();
        ManifestFiles.Write(temp.Path, "dev.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\",\"split\":\"train\"}\n{\"id\":\"c\",\"split\":\"dev\"}\n");

        var file = Assert.Single(Dataset.Open(temp.Path));
        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(file));

        Assert.Equal(["dev", null, "dev"], entries.Select(e => e.Row?.Split));
        Assert.Contains("disagrees with the file's split 'dev'", entries[1].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(2, entries[1].Error!.LineNumber);
    }
}
