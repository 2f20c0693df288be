using Distributed.Describing.Prompt;

namespace Distributed.Describing.Embedded;

/// <summary>
/// The version of the embedded describer's field rules (OCR preprocessing and filtering, cue thresholds, palette,
/// sentence formats, lexicon, reasoning rules). It plays the role of the prompt template: bump <see cref="RulesVersion"/>
/// whenever any rule changes, which changes the prompt version and so the description keys. The OCR language and page
/// segmentation mode are part of the hashed text; the tessdata folder is not (the same language data is assumed).
/// </summary>
public static class EmbeddedFieldRules
{
    /// <summary>Names the rule set; edit with every rule change.</summary>
    public const string RulesVersion =
        "embedded-ocr-cues field rules v1: ocr=tesseract gray 2x<256px, symbol-only lines dropped, whitespace collapsed; " +
        "visual_scene=luma/std/hsv-s/hasler-susstrunk/12-colour palette/sobel>0.125/warm-cool; " +
        "reasoning=lexicon polarity of ocr and post + visual tone, consistent/complementary/conflicting";

    /// <summary>The prompt version with default options (<c>eng</c>, page segmentation mode 3).</summary>
    public static string PromptVersion { get; } = PromptVersionFor(new EmbeddedDescriberOptions());

    /// <summary>sha256 prefix of <see cref="RulesText"/> + "\n" + <see cref="DescriptionSchema.Json"/>, as for any prompt.</summary>
    public static string PromptVersionFor(EmbeddedDescriberOptions options) =>
        DescriptionPrompt.ComputeVersion(RulesText(options), DescriptionSchema.Json);

    /// <summary>The hashed rules text: <see cref="RulesVersion"/> plus the OCR language and page segmentation mode.</summary>
    public static string RulesText(EmbeddedDescriberOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{RulesVersion}; language={options.Language}; psm={options.PageSegMode}";
    }
}
