using System.Text.Json;
using Distributed.Storage.Descriptions;
using Parquet;

namespace Distributed.Storage.Tests.Descriptions;

/// <summary>Export and damaged segments.</summary>
public abstract partial class DescriptionStoreContract
{
    [SkippableFact]
    public async Task ExportAsync_Jsonl_WritesOneObjectPerPresentKey()
    {
        using var store = NewStore();
        await store.AppendAsync([Records.Success(Records.Key(1), Records.Start, "x"), Records.Error(Records.Key(2), Records.Start)]);
        await store.AppendAsync([Records.Success(Records.Key(1), Records.Start.AddDays(1))]);
        using var output = new MemoryStream();

        var count = await store.ExportAsync(output, ExportFormat.Jsonl);

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal((2L, 2), (count, lines.Length));
        var byImage = lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("image_sha256").GetString()!);
        var success = byImage[Records.Key(1).ImageSha256];
        Assert.Equal("a scene x", success.GetProperty("visual_scene").GetString());
        Assert.Equal(Records.Start, success.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal("invalid_reply", byImage[Records.Key(2).ImageSha256].GetProperty("error_reason").GetString());
    }

    [SkippableFact]
    public async Task ExportAsync_Parquet_ReadsBackWithParquetNet()
    {
        using var store = NewStore();
        var records = Records.Successes(Enumerable.Range(0, 20), Records.Start);
        await store.AppendAsync(records);
        using var output = new MemoryStream();

        var count = await store.ExportAsync(output, ExportFormat.Parquet);

        output.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(output);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        var images = new List<string>();
        var scenes = new List<string>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var image = new string[group.RowCount];
            var scene = new string[group.RowCount];
            await group.ReadAsync(fields["image_sha256"], image);
            await group.ReadAsync(fields["visual_scene"], scene);
            images.AddRange(image);
            scenes.AddRange(scene);
        }

        Assert.Equal(20, count);
        Assert.Equal(records.Select(r => r.Key.ImageSha256).Order(), images.Order());
        Assert.All(scenes, s => Assert.Equal("a scene ", s));
    }

    [SkippableFact]
    public async Task ExportAsync_EmptyStore_WritesNothingValid()
    {
        using var store = NewStore();
        using var jsonl = new MemoryStream();
        using var parquet = new MemoryStream();

        Assert.Equal(0, await store.ExportAsync(jsonl, ExportFormat.Jsonl));
        Assert.Equal(0, await store.ExportAsync(parquet, ExportFormat.Parquet));

        Assert.Equal(0, jsonl.Length);
        parquet.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(parquet);
        Assert.Equal(0, reader.RowGroupCount);
    }

    [SkippableFact]
    public async Task StatsAsync_GarbageSegment_IsSkippedNamedAndOthersStayReadable()
    {
        using var store = NewStore();
        await store.AppendAsync(Records.Successes([1, 2], Records.Start));
        const string Garbage = "v1/segments/01JZZZZZZZZZZZZZZZZZZZZZZZ.parquet";
        await OpenContainer().TryCreateAsync(Garbage, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 });
        await store.AppendAsync(Records.Successes([3], Records.Start));

        var present = await store.ExistsAsync([Records.Key(1), Records.Key(2), Records.Key(3)]);
        var stats = await store.StatsAsync();

        Assert.Equal(3, present.Count);
        var corrupt = Assert.Single(stats.CorruptSegments);
        Assert.Equal(Garbage, corrupt.Name);
        Assert.Contains(Garbage, corrupt.Error);
        Assert.Equal((3L, 2), (stats.UniqueKeys, stats.Segments));
        Assert.Equal(3, await store.ScanAsync().CountAsync());
    }
}
