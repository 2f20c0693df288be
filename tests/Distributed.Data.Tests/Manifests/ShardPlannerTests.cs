using System.Text;
using Distributed.Data.Manifests;

namespace Distributed.Data.Tests.Manifests;

public sealed class ShardPlannerTests
{
    public static TheoryData<string, int> FormatsAndShardSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var format in new[] { "jsonl", "csv" })
        {
            foreach (var size in new[] { 1, 2, 3, 7, 1000 })
            {
                data.Add(format, size);
            }
        }

        foreach (var size in new[] { 1, 4, 5, 9, 1000 })
        {
            data.Add("parquet", size);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndShardSizes))]
    public async Task ReadShardAsync_AllShardsConcatenated_EqualReadingWholeFile(string format, int shardRows)
    {
        using var temp = new TempFolder();
        var path = format switch
        {
            "jsonl" => ManifestFiles.WriteMixedJsonl(temp.Path, 25),
            "csv" => ManifestFiles.WriteMixedCsv(temp.Path, 25),
            _ => await ManifestFiles.WriteParquetAsync(temp.Path, rows: 25, groupRows: 4),
        };
        var whole = await ManifestFiles.ReadAllAsync(ManifestReader.ReadAsync(path));

        var shards = await ManifestFiles.PlanAllAsync(ShardPlanner.PlanAsync(path, shardRows));
        var concatenated = new List<ManifestEntry>();
        foreach (var shard in shards)
        {
            var rows = await ManifestFiles.ReadAllAsync(ManifestReader.ReadShardAsync(shard));
            Assert.Equal(shard.RowCount, rows.Count);
            concatenated.AddRange(rows);
        }

        Assert.Equal(whole, concatenated);
        Assert.Equal(format != "parquet", whole.Exists(e => e.IsError));
        Assert.Equal(Enumerable.Range(0, shards.Count), shards.Select(s => s.Index));
        Assert.Equal(shards.Select(s => s.FirstRow), shards.Select(s => s.FirstRow).Order());
        Assert.Equal(whole.Count, shards.Sum(s => s.RowCount));
    }

    [Fact]
    public async Task PlanAsync_200kRowJsonl_CoversEveryRowWithContiguousRanges()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "big.jsonl");
        const int Rows = 200_000;
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < Rows; i++)
            {
                await writer.WriteAsync($"{{\"id\":\"r{i}\",\"text\":\"post number {i}\",\"image\":\"images/r{i}.png\"}}\n");
            }
        }

        var shards = await ManifestFiles.PlanAllAsync(ShardPlanner.PlanAsync(path, 1000));

        Assert.Equal(200, shards.Count);
        Assert.All(shards, s => Assert.Equal(1000, s.RowCount));
        Assert.Equal(0, shards[0].StartByte);
        Assert.Equal(new FileInfo(path).Length, shards[^1].EndByte);
        Assert.All(shards.Zip(shards.Skip(1)), p => Assert.Equal(p.First.EndByte, p.Second.StartByte));
        Assert.Equal(123_001, shards[123].FirstLine);
        var middle = await ManifestFiles.ReadAllAsync(ManifestReader.ReadShardAsync(shards[123]));
        Assert.Equal(("r123000", 123_000L), (middle[0].Row!.Id, middle[0].Index));
        Assert.Equal(("r123999", 123_999L), (middle[^1].Row!.Id, middle[^1].Index));
    }

    [Fact]
    public async Task PlanAsync_Parquet_ShardsAreWholeRowGroups()
    {
        using var temp = new TempFolder();
        var path = await ManifestFiles.WriteParquetAsync(temp.Path, rows: 10, groupRows: 3);

        var shards = await ManifestFiles.PlanAllAsync(ShardPlanner.PlanAsync(path, 5));

        Assert.Equal([(0, 2, 0L, 6), (2, 2, 6L, 4)], shards.Select(s => (s.FirstRowGroup, s.RowGroupCount, s.FirstRow, s.RowCount)));
    }

    [Fact]
    public async Task PlanAsync_EmptyOrHeaderOnlyFiles_YieldNoShards()
    {
        using var temp = new TempFolder();
        var jsonl = ManifestFiles.Write(temp.Path, "empty.jsonl", "\n  \n");
        var csv = ManifestFiles.Write(temp.Path, "header.csv", "id,text\r\n");

        Assert.Empty(await ManifestFiles.PlanAllAsync(ShardPlanner.PlanAsync(jsonl)));
        Assert.Empty(await ManifestFiles.PlanAllAsync(ShardPlanner.PlanAsync(csv)));
    }

    [Fact]
    public void PlanAsync_InvalidArguments_Throw()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, "m.jsonl", "{\"id\":\"a\"}\n");

        Assert.Throws<ArgumentOutOfRangeException>(() => ShardPlanner.PlanAsync(path, 0));
        Assert.Throws<FileNotFoundException>(() => ShardPlanner.PlanAsync(Path.Combine(temp.Path, "missing.jsonl")));
        Assert.Throws<NotSupportedException>(() => ShardPlanner.PlanAsync(Path.Combine(temp.Path, "m.txt")));
    }

    [Fact]
    public async Task ReadShardAsync_FileChangedAfterPlanning_Throws()
    {
        using var temp = new TempFolder();
        var path = ManifestFiles.Write(temp.Path, "m.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
        var shard = Assert.Single(await ManifestFiles.PlanAllAsync(ShardPlanner.PlanAsync(path)));
        ManifestFiles.Write(temp.Path, "m.jsonl", "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => ManifestFiles.ReadAllAsync(ManifestReader.ReadShardAsync(shard)));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
