using Distributed.Data.Manifests;
using Parquet;
using Parquet.Schema;

namespace Distributed.Data.Tests.Manifests;

public sealed partial class ManifestReaderTests
{
    [Fact]
    public async Task ReadAsync_ParquetWithRowGroups_ReadsRowsInOrderByColumnName()
    {
        using var temp = new TempFolder();
        var path = await ManifestFiles.WriteParquetAsync(temp.Path, rows: 10, groupRows: 4);

        var entries = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        Assert.Equal(10, entries.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), entries.Select(e => e.Index));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), entries.Select(e => e.Row!.Id));
        Assert.Equal(
            new Distributed.Data.Manifests.ManifestRow(5, "5", "text 5, with comma", "images/5.png", null, null), entries[5].Row);
        Assert.True(entries[6].Row!.IsTextOnly);
    }

    [Fact]
    public async Task ReadAsync_ParquetWithoutIdColumn_ThrowsNamingFile()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "m.parquet");
        var text = new DataField<string>("text");
        using (var file = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(text), file);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(text, ["a"]);
        }

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path)));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
