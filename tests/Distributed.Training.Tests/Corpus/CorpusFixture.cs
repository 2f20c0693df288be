using System.Text.Json;
using Distributed.Abstractions.Describing;
using Distributed.Data.Images;
using Distributed.Storage.Descriptions;

namespace Distributed.Training.Tests.Corpus;

/// <summary>A temporary dataset folder with small image files and a real local description store.</summary>
public sealed class CorpusFixture : IDisposable
{
    public static readonly DescriberIdentity Describer = new("test-describer/1", "test-describer/1", "0123456789abcdef", UsesPostText: true, 1024);

    public CorpusFixture()
    {
        Folder = Directory.CreateTempSubdirectory("distributed-corpus-").FullName;
        Store = DescriptionStore.Open(Path.Combine(Folder, "store"));
    }

    public string Folder { get; }

    public DescriptionStore Store { get; }

    /// <summary>Writes an image file with distinct bytes and returns its sha256.</summary>
    public string Image(string name)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "images"));
        var bytes = System.Text.Encoding.UTF8.GetBytes("not really a png: " + name);
        File.WriteAllBytes(Path.Combine(Folder, "images", name), bytes);
        return ImageHash.Sha256Hex(bytes);
    }

    /// <summary>Writes a manifest of rows (anonymous objects, snake_case) and returns its path.</summary>
    public string Manifest(string name, params object[] rows)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllLines(path, rows.Select(r => JsonSerializer.Serialize(r)));
        return path;
    }

    public Task StoreDescriptionAsync(string sha, string post, string ocr, string scene = "a scene", string reasoning = "a reason") =>
        Store.AppendAsync([new DescriptionRecord(DescriptionKey.For(sha, post, Describer), "m", ocr, scene, reasoning, "{}", DateTimeOffset.UtcNow, 1, null, null)]);

    public Task StoreErrorAsync(string sha, string post) =>
        Store.AppendAsync([new DescriptionRecord(DescriptionKey.For(sha, post, Describer), "m", null, null, null, "", DateTimeOffset.UtcNow, 1, "undecodable_image", "bad image")]);

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
