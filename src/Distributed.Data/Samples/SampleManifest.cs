using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Distributed.Data.Samples;

/// <summary>Reads and atomically writes <c>manifest.jsonl</c>: one snake_case JSON object per line, LF endings.</summary>
internal static class SampleManifest
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <c>path.tmp</c>, then moves it over <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, IReadOnlyList<SampleItemPlan> plans, CancellationToken ct)
    {
        var builder = new StringBuilder();
        foreach (var plan in plans)
        {
            var row = new SampleManifestRow(
                plan.Id, plan.Text, plan.ImagePath, plan.Label.ToWire(), plan.Split, plan.OverlayText);
            builder.Append(JsonSerializer.Serialize(row, JsonOptions)).Append('\n');
        }

        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, builder.ToString(), Utf8NoBom, ct).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a manifest and counts rows, existing images, labels and splits.</summary>
    public static async Task<SampleDatasetSummary> ReadSummaryAsync(string path, bool generated, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(path) ?? ".";
        var labels = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var splits = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int rows = 0, images = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, Utf8NoBom, ct).ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = JsonSerializer.Deserialize<SampleManifestRow>(line, JsonOptions)
                ?? throw new InvalidDataException($"Null row in {path} at row {rows + 1}.");
            rows++;
            Increment(labels, row.Label);
            Increment(splits, row.Split);
            if (File.Exists(Path.Combine(folder, row.Image)))
            {
                images++;
            }
        }

        return new SampleDatasetSummary(path, rows, images, labels, splits, generated);
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}
