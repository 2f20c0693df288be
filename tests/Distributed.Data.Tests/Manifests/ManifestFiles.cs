using System.Text;
using Distributed.Data.Manifests;
using Parquet;
using Parquet.Schema;

namespace Distributed.Data.Tests.Manifests;

/// <summary>Writes manifests for the tests and reads entries into lists.</summary>
internal static class ManifestFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static string Write(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, Utf8NoBom);
        return path;
    }

    /// <summary>A JSONL manifest of <paramref name="rows"/> rows with blank lines, a numeric id, a text-only row and one malformed line.</summary>
    public static string WriteMixedJsonl(string folder, int rows, string name = "manifest.jsonl")
    {
        var builder = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            builder.Append(i switch
            {
                3 => "{\"id\": 3, \"text\": \"numeric id\"}",
                5 => "{\"id\": \"r5\", \"text\": broken",
                8 => "\r\n   ",
                _ => $"{{\"id\":\"r{i}\",\"text\":\"text {i}\",\"image\":\"images/r{i}.png\",\"label\":\"positive\"}}",
            });
            builder.Append(i % 4 == 0 ? "\r\n" : "\n");
            if (i % 7 == 0)
            {
                builder.Append('\n');
            }
        }

        return Write(folder, name, builder.ToString());
    }

    /// <summary>A CSV manifest with quoted commas, quotes and newlines, CRLF endings, blank lines and one malformed row.</summary>
    public static string WriteMixedCsv(string folder, int rows, string name = "manifest.csv")
    {
        var builder = new StringBuilder("id,text,image,label,split,overlay_text\r\n");
        for (var i = 0; i < rows; i++)
        {
            builder.Append(i switch
            {
                2 => "r2,\"hello, world\",images/r2.png,positive,train,x",
                4 => "r4,\"she said \"\"hi\"\"\",,negative,,",
                6 => "r6,\"line one\nline two, \"\"quoted\"\"\",images/r6.png,neutral,dev,\"a\nb\"",
                9 => "r9,a\"b,images/r9.png,positive,train,",
                _ => $"r{i},text {i},images/r{i}.png,positive,train,",
            });
            builder.Append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 5 == 0)
            {
                builder.Append('\n');
            }
        }

        return Write(folder, name, builder.ToString());
    }

    /// <summary>A Parquet manifest (int64 id; text, image, label columns) written in row groups of <paramref name="groupRows"/>.</summary>
    public static async Task<string> WriteParquetAsync(string folder, int rows, int groupRows, string name = "manifest.parquet")
    {
        var id = new DataField<long>("id");
        var text = new DataField<string>("text");
        var image = new DataField<string>("image");
        var label = new DataField<string>("label");
        var path = Path.Combine(folder, name);
        using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, text, image, label), file);
        for (var first = 0; first < rows; first += groupRows)
        {
            var range = Enumerable.Range(first, Math.Min(groupRows, rows - first)).ToArray();
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(id, range.Select(i => (long)i).ToArray().AsMemory());
            await group.WriteAsync(text, range.Select(i => $"text {i}, with comma").ToArray());
            await group.WriteAsync(image, range.Select(i => i % 3 == 0 ? null : $"images/{i}.png").ToArray()!);
            await group.WriteAsync(label, range.Select(i => i % 2 == 0 ? "positive" : null).ToArray()!);
        }

        return path;
    }

    public static async Task<List<ManifestEntry>> ReadAllAsync(IAsyncEnumerable<ManifestEntry> entries)
    {
        var list = new List<ManifestEntry>();
        await foreach (var entry in entries)
        {
            list.Add(entry);
        }

        return list;
    }

    public static async Task<List<ShardSpec>> PlanAllAsync(IAsyncEnumerable<ShardSpec> shards)
    {
        var list = new List<ShardSpec>();
        await foreach (var shard in shards)
        {
            list.Add(shard);
        }

        return list;
    }
}
