using Distributed.Data.Samples;

namespace Distributed.Grains.Tests;

/// <summary>
/// A manifest with two good images and one row for each kind of bad input, each with the reason it must fail with.
/// </summary>
public static class BadInputDataset
{
    public static readonly IReadOnlyDictionary<string, string> ExpectedReasons = new Dictionary<string, string>
    {
        ["missing"] = "missing_file",
        ["empty"] = "empty_file",
        ["truncated"] = "undecodable_image",
        ["bomb"] = "too_many_pixels",
        ["text"] = "unsupported_format",
        ["escape"] = "path_outside_dataset",
        ["web"] = "http_not_allowed",
    };

    public static async Task<string> WriteAsync(string folder)
    {
        var sample = await SampleDataset.GenerateAsync(Path.Combine(folder, "source"), new SampleDatasetOptions { Count = 10 });
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        var good = await File.ReadAllBytesAsync(Path.Combine(folder, "source", "images", "s00001.png"));
        await File.WriteAllBytesAsync(Path.Combine(data, "good1.png"), good);
        await File.WriteAllBytesAsync(Path.Combine(data, "good2.png"), await File.ReadAllBytesAsync(Path.Combine(folder, "source", "images", "s00002.png")));
        await File.WriteAllBytesAsync(Path.Combine(data, "empty.png"), []);
        await File.WriteAllBytesAsync(Path.Combine(data, "truncated.png"), good[..(good.Length / 2)]);
        await File.WriteAllBytesAsync(Path.Combine(data, "bomb.png"), CraftedPng.HeaderOnly(50_000, 50_000));
        await File.WriteAllTextAsync(Path.Combine(data, "notes.png"), "these are notes, not an image");
        await File.WriteAllBytesAsync(Path.Combine(folder, "outside.png"), good);

        string[] lines =
        [
            """{"id":"good1","text":"what a day","image":"good1.png"}""",
            """{"id":"missing","text":"","image":"nowhere.png"}""",
            """{"id":"empty","text":"","image":"empty.png"}""",
            """{"id":"truncated","text":"","image":"truncated.png"}""",
            """{"id":"bad-line","text": oops""",
            """{"id":"bomb","text":"","image":"bomb.png"}""",
            """{"id":"text","text":"","image":"notes.png"}""",
            """{"id":"escape","text":"","image":"../outside.png"}""",
            """{"id":"web","text":"","image":"http://example.com/cat.png"}""",
            """{"id":"only-text","text":"no picture here"}""",
            """{"id":"good2","text":"look at this","image":"good2.png"}""",
        ];
        var manifest = Path.Combine(data, "manifest.jsonl");
        await File.WriteAllLinesAsync(manifest, lines);
        return manifest;
    }
}
