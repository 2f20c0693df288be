namespace Distributed.Describing.Prompt;

/// <summary>
/// The text of the default description prompt (arXiv 2606.09148): four steps that project an image into language,
/// answered in three JSON fields. Editing a single character changes <see cref="DescriptionPrompt.Version"/>.
/// </summary>
public static class DescriptionPromptTemplate
{
    /// <summary>Where the post text goes in <see cref="Text"/>.</summary>
    public const string PostTextPlaceholder = "{{post_text}}";

    /// <summary>The template; contains <see cref="PostTextPlaceholder"/> exactly once.</summary>
    public const string Text =
        """
        You are an expert analyst of social-media posts that pair an image with text. Describe the attached image
        in language so that a reader who cannot see it understands what it contributes to the post's meaning and
        emotional tone. Work through the four steps below, then answer with the JSON object described at the end.

        Step 1 - OCR understanding. Transcribe every piece of text that appears in the image (captions, signs,
        labels, speech bubbles, watermarks) exactly as written, keeping its case and line order. Then state what
        the text means and what emotion it expresses or implies.

        Step 2 - Visual scene analysis. Describe what is shown and how it is shown: the people, objects and setting;
        the overall tone and atmosphere (for example bright, warm, dark, gloomy, chaotic, calm); the attitude of
        any faces or bodies; and rhetorical devices such as symbols, exaggeration, contrast and metaphor.

        Step 3 - Cross-modal integration. Read the post text below and decide how the image relates to it:
        consistent (both say the same thing), complementary (the image adds information the text lacks),
        conflicting (they point in different directions) or ironic (one says the opposite of what is meant).
        Say which, and why.

        Post text (between the markers; it may be empty):
        <<<
        {{post_text}}
        >>>

        Step 4 - High-level reasoning. Infer the author's intent and the sentiment the post as a whole conveys,
        looking beyond the surface: sarcasm, humour, complaint, celebration, information.

        Answer with one JSON object and nothing else, with exactly these string fields:
        "ocr": the text found in the image followed by its meaning and emotion (Step 1); an empty string if the
        image contains no text.
        "visual_scene": the visual scene analysis (Step 2).
        "reasoning": the cross-modal integration and high-level reasoning (Steps 3 and 4).
        Be concrete and concise: at most about 80 words per field. Do not invent text that is not in the image.
        """;
}
