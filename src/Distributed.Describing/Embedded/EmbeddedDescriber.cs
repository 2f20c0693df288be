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

    /// <summary>Failure reason for images over 50 megapixels (refused before decoding).</summary>
    public const string OversizedImage = "oversized_image";

    private readonly TesseractEnginePool _engines;

    /// <summary>A describer with the given options (defaults when null).</summary>
    public EmbeddedDescriber(EmbeddedDescriberOptions? options = null)
    {
        options ??= new EmbeddedDescriberOptions();
        TesseractLibrary.EnsureAvailable();
        _engines = new TesseractEnginePool(
            options.MaxConcurrency, () => TesseractEngine.Create(options.Language, options.DataPath, options.PageSegMode));
        Identity = IdentityFor(options);
    }

    /// <summary>The identity a describer with <paramref name="options"/> has, without building one (no Tesseract needed).</summary>
    public static DescriberIdentity IdentityFor(EmbeddedDescriberOptions options) =>
        new(Id, Id, EmbeddedFieldRules.PromptVersionFor(options ?? throw new ArgumentNullException(nameof(options))),
            UsesPostText: true, MaxImageSide);

    /// <summary>Id and model <c>embedded-ocr-cues/1</c>, prompt version from <see cref="EmbeddedFieldRules"/>, post text used, 1024 px.</summary>
    public DescriberIdentity Identity { get; }

    public async Task<DescribeOutcome> DescribeAsync(DescribeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (fields, failure, latencyMs) = await _engines.RunAsync(
            engine =>
            {
                var started = Stopwatch.GetTimestamp();
                var described = Describe(request, engine, out var reason);
                return (described, reason, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            },
            cancellationToken).ConfigureAwait(false);
        if (fields is null)
        {
            var what = failure == OversizedImage ? $"has more than {EmbeddedImage.MaxPixels} pixels" : "could not be decoded";
            return DescribeOutcome.Failed(
                FailureKind.Permanent,
                failure ?? UndecodableImage,
                $"Image {request.ImageSha256} ({request.MediaType}, {request.Image.Length} bytes) {what}.",
                "",
                latencyMs,
                Id);
        }

        return DescribeOutcome.Success(fields, EmbeddedJson.Write(fields), latencyMs, Id);
    }

    public void Dispose() => _engines.Dispose();

    private static DescriptionFields? Describe(DescribeRequest request, TesseractEngine engine, out string? failure)
    {
        using var bitmap = EmbeddedImage.Decode(request.Image, MaxImageSide, out failure);
        if (bitmap is null)
        {
            return null;
        }

        var cues = VisualCueAnalyzer.Measure(bitmap);
        var ocr = OcrText.Normalize(OcrText.DropSymbolLines(engine.Recognize(OcrPreprocessor.Prepare(bitmap))));
        return new DescriptionFields(ocr, VisualSceneWriter.Describe(cues), CueReasoner.Explain(ocr, cues, request.PostText));
    }
}
