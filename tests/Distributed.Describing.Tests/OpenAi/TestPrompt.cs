using System.Text.Json;
using Distributed.Abstractions.Describing;
using Distributed.Describing.OpenAi;
using Distributed.Describing.Prompt;

namespace Distributed.Describing.Tests.OpenAi;

/// <summary>A small prompt with the three-field schema, standing in for the real DescriptionPrompt.</summary>
public sealed class TestPrompt : IDescriptionPrompt
{
    public const string Schema =
        """{"type":"object","properties":{"ocr":{"type":"string"},"visual_scene":{"type":"string"},"reasoning":{"type":"string"}},"required":["ocr","visual_scene","reasoning"],"additionalProperties":false}""";

    public string Version => "0123456789abcdef";

    public bool UsesPostText => true;

    public string SchemaName => "image_description";

    public string SchemaJson => Schema;

    public string Render(string postText) => $"Describe the image for this post. Post: {postText}";

    public ReplyValidation Validate(string reply)
    {
        try
        {
            using var document = JsonDocument.Parse(reply);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && Field(root, "ocr") is { } ocr && Field(root, "visual_scene") is { } scene && Field(root, "reasoning") is { } reasoning
                ? ReplyValidation.Valid(new DescriptionFields(ocr, scene, reasoning))
                : ReplyValidation.Invalid("schema_violation", "a required string field is missing");
        }
        catch (JsonException ex)
        {
            return ReplyValidation.Invalid("not_json", ex.Message);
        }
    }

    private static string? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
