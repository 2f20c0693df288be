using System.Diagnostics;
using Distributed.Abstractions.Describing;

namespace Distributed.Describing.Embedded;

/// <summary>
/// The default CPU describer, no VLM: <c>ocr</c> is Tesseract's reading of the image text, <c>visual_scene</c> a
/// fixed-format sentence of measured <see cref="VisualCues"/>, <c>reasoning</c> a rule-based relation of both to the
/// post text (<see cref="CueReasoner"/>). Deterministic for given bytes and post. Safe for concurrent calls (up to
/// <see cref="EmbeddedDescriberOptions.MaxConcurrency"/> run at once, one Tesseract engine each). The constructor
/// throws <see cref="DllNotFoundException"/> naming <c>libtesseract.so.5</c> and <c>tools/setup.sh</c> when OCR is missing.
/// The reported latency is decode + cues + OCR of the one image, without the wait for a free engine.
/// </summary>
public sealed class EmbeddedDescriber : IDescriber, IDisposable
{
    /// <summary>Describer id and model name: <c>embedded-ocr-cues/1</c>.</summary>
    public const string Id = "embedded-ocr-cues/1";

    /// <summary>Images are resized so that their longer side is at most this (1024).</summary>
    public const int MaxImageSide = 1024;

    /// <summary>Failure reason for bytes that are not a decodable image.</summary>
    public const string UndecodableImage = "undecodable_image";

    private readonly TesseractEnginePool _engines;

    /// <summary>A describer with the given options (defaults when null).</summary>
    public EmbeddedDescriber(EmbeddedDescriberOptions? options = null)
    {
        options ??= new EmbeddedDescriberOptions();
        TesseractLibrary.EnsureAvailable();
        _engines = new TesseractEnginePool(
            options.MaxConcurrency, () => TesseractEngine.Create(options.Language, options.DataPath, options.PageSegMode));
    }

    public DescriberIdentity Identity { get; } =
        new(Id, Id, EmbeddedFieldRules.PromptVersion, UsesPostText: true, MaxImageSide);

    public async Task<DescribeOutcome> DescribeAsync(DescribeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (fields, latencyMs) = await _engines.RunAsync(
            engine =>
            {
                var started = Stopwatch.GetTimestamp();
                var described = Describe(request, engine);
                return (described, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            },
            cancellationToken).ConfigureAwait(false);
        if (fields is null)
        {
            return DescribeOutcome.Failed(
                FailureKind.Permanent,
                UndecodableImage,
                $"Image {request.ImageSha256} ({request.MediaType}, {request.Image.Length} bytes) could not be decoded.",
                "",
                latencyMs,
                Id);
        }

        return DescribeOutcome.Success(fields, EmbeddedJson.Write(fields), latencyMs, Id);
    }

    public void Dispose() => _engines.Dispose();

    private static DescriptionFields? Describe(DescribeRequest request, TesseractEngine engine)
    {
        using var bitmap = EmbeddedImage.Decode(request.Image, MaxImageSide);
        if (bitmap is null)
        {
            return null;
        }

        var cues = VisualCueAnalyzer.Measure(bitmap);
        var ocr = OcrText.Normalize(OcrText.DropSymbolLines(engine.Recognize(OcrPreprocessor.Prepare(bitmap))));
        return new DescriptionFields(ocr, VisualSceneWriter.Describe(cues), CueReasoner.Explain(ocr, cues, request.PostText));
    }
}
