using System.Text.Json;

namespace Distributed.Data.Tests;

/// <summary>One manifest row as the tests see it, plus measurements of its decoded image.</summary>
public sealed record ManifestRow(string Id, string Text, string Image, string Label, string Split, string OverlayText)
{
    /// <summary>Reads every row of a manifest, requiring all six keys.</summary>
    public static IReadOnlyList<ManifestRow> Read(string manifestPath) =>
        [.. File.ReadAllLines(manifestPath).Where(l => l.Length > 0).Select(Parse)];

    private static ManifestRow Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var o = doc.RootElement;
        string Get(string key) => o.GetProperty(key).GetString() ?? throw new InvalidDataException(key);
        return new ManifestRow(Get("id"), Get("text"), Get("image"), Get("label"), Get("split"), Get("overlay_text"));
    }
}
