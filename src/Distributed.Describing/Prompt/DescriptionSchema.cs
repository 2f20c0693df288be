namespace Distributed.Describing.Prompt;

/// <summary>
/// The output schema shared by every describer: a JSON object with exactly the required string fields
/// <c>ocr</c>, <c>visual_scene</c> and <c>reasoning</c>. <see cref="Json"/> is written so that it is valid under
/// OpenAI structured outputs (<c>response_format</c> type <c>json_schema</c> with <c>strict: true</c>).
/// </summary>
public static class DescriptionSchema
{
    /// <summary>Name for <c>response_format.json_schema.name</c>.</summary>
    public const string Name = "image_description";

    /// <summary>Field with the text in the image and its meaning.</summary>
    public const string OcrField = "ocr";

    /// <summary>Field with the visual scene analysis.</summary>
    public const string VisualSceneField = "visual_scene";

    /// <summary>Field with the cross-modal integration and high-level reasoning.</summary>
    public const string ReasoningField = "reasoning";

    /// <summary>The JSON schema, compact; part of every prompt version hash.</summary>
    public const string Json =
        """{"type":"object","properties":{"ocr":{"type":"string"},"visual_scene":{"type":"string"},"reasoning":{"type":"string"}},"required":["ocr","visual_scene","reasoning"],"additionalProperties":false}""";

    /// <summary>The required fields, in schema order.</summary>
    public static IReadOnlyList<string> Fields { get; } = [OcrField, VisualSceneField, ReasoningField];
}
