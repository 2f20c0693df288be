using System.Buffers.Binary;
using System.Text;
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
        await File.WriteAllBytesAsync(Path.Combine(data, "bomb.png"), PngHeaderClaiming(50_000, 50_000));
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

    private static byte[] PngHeaderClaiming(int width, int height)
    {
        var png = new List<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: RGB
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return [.. png];
    }

    private static void Chunk(List<byte> png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.AddRange(length);
        var body = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.AddRange(body);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(body));
        png.AddRange(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
