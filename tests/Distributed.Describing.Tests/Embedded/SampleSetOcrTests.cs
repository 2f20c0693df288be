using System.Security.Cryptography;
using System.Text.Json;
using Distributed.Abstractions.Describing;
using Distributed.Data.Samples;
using Distributed.Describing.Embedded;
using Xunit.Abstractions;

namespace Distributed.Describing.Tests.Embedded;

/// <summary>
/// OCR accuracy of <see cref="EmbeddedDescriber"/> over the generated sample set (300 items; the captioned ones).
/// CER = total Levenshtein distance / total reference characters, after uppercasing both sides and collapsing
/// whitespace; the OCR field is compared whole (no best-line picking: the describer already drops symbol-only lines).
/// </summary>
public sealed class SampleSetOcrTests(ITestOutputHelper output) : IDisposable
{
    private const double MaxCer = 0.10;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "describing-cer-" + Guid.NewGuid().ToString("N"));

    [SkippableFact]
    public async Task DescribeAsync_SampleSetCaptions_CharacterErrorRateBelowTenPercent()
    {
        Requirements.Tesseract();
        await SampleDataset.GenerateAsync(_folder, new SampleDatasetOptions { Count = 300 });
        var rows = ReadCaptionedRows();
        using var describer = new EmbeddedDescriber(new EmbeddedDescriberOptions { MaxConcurrency = Environment.ProcessorCount });

        var outcomes = await Task.WhenAll(rows.Select(row => Describe(describer, row)));

        long distance = 0, characters = 0;
        var exact = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var reference = TextDistance.NormalizeForCer(rows[i].Caption);
            var hypothesis = TextDistance.NormalizeForCer(outcomes[i].Fields?.Ocr ?? "");
            var d = TextDistance.Levenshtein(hypothesis, reference);
            distance += d;
            characters += reference.Length;
            exact += d == 0 ? 1 : 0;
            if (d > 0)
            {
                output.WriteLine($"{rows[i].Image}: expected '{reference}', read '{hypothesis}' (distance {d})");
            }
        }

        var cer = distance / (double)characters;
        var meanLatency = outcomes.Average(o => o.LatencyMs);
        output.WriteLine($"CER {cer:0.0000} over {rows.Count} captioned images ({characters} chars, {exact} exact); mean latency {meanLatency:0} ms");
        Assert.All(outcomes, o => Assert.Equal(FailureKind.None, o.Failure));
        Assert.True(cer < MaxCer, $"CER {cer:0.0000} is not below {MaxCer}");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Task<DescribeOutcome> Describe(EmbeddedDescriber describer, CaptionedRow row)
    {
        var bytes = File.ReadAllBytes(row.Path);
        var request = new DescribeRequest(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes, "image/png", row.Text);
        return describer.DescribeAsync(request, CancellationToken.None);
    }

    private List<CaptionedRow> ReadCaptionedRows()
    {
        var rows = new List<CaptionedRow>();
        foreach (var line in File.ReadLines(Path.Combine(_folder, SampleDataset.ManifestFileName)))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var caption = root.TryGetProperty("overlay_text", out var o) ? o.GetString() ?? "" : "";
            if (caption.Length > 0)
            {
                var image = root.GetProperty("image").GetString()!;
                rows.Add(new CaptionedRow(image, Path.Combine(_folder, image), root.GetProperty("text").GetString() ?? "", caption));
            }
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    private sealed record CaptionedRow(string Image, string Path, string Text, string Caption);
}
