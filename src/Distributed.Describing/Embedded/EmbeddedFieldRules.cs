using Distributed.Describing.Prompt;

namespace Distributed.Describing.Embedded;

/// <summary>
/// The version of the embedded describer's field rules (OCR preprocessing and filtering, cue thresholds, palette,
/// sentence formats, lexicon, reasoning rules). It plays the role of the prompt template: bump <see cref="RulesVersion"/>
/// whenever any rule changes, which changes <see cref="PromptVersion"/> and so the description keys.
/// </summary>
public static class EmbeddedFieldRules
{
    /// <summary>Names the rule set; edit with every rule change.</summary>
    public const string RulesVersion =
        "embedded-ocr-cues field rules v1: ocr=tesseract psm3 gray 2x<256px, whitespace-collapsed, symbol-only lines dropped; " +
        "visual_scene=luma/std/hsv-s/hasler-susstrunk/12-colour palette/sobel>0.125/warm-cool; " +
        "reasoning=lexicon polarity of ocr and post + visual tone, consistent/complementary/conflicting";

    /// <summary>sha256 prefix of <see cref="RulesVersion"/> + "\n" + <see cref="DescriptionSchema.Json"/>, as for any prompt.</summary>
    public static string PromptVersion { get; } = DescriptionPrompt.ComputeVersion(RulesVersion, DescriptionSchema.Json);
}
