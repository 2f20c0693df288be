using System.Text.Json;
using Distributed.Abstractions.Describing;

namespace Distributed.Describing.Prompt;

/// <summary>
/// Checks a reply text against <see cref="DescriptionSchema"/>: one JSON object with exactly the string fields
/// <c>ocr</c>, <c>visual_scene</c>, <c>reasoning</c> (no others, no duplicates). Leading/trailing whitespace and one
/// surrounding Markdown code fence (<c>```json ... ```</c>, which some servers add without strict mode) are
/// tolerated; nothing else is repaired.
/// </summary>
public static class DescriptionReplyValidator
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    /// <summary>Parses and checks <paramref name="replyText"/>.</summary>
    public static ReplyValidation Validate(string? replyText)
    {
        var json = StripFence(replyText ?? "");
        if (json.Length == 0)
        {
            return ReplyValidation.Invalid(ReplyValidation.NotJson, "empty reply");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ParseOptions);
        }
        catch (JsonException ex)
        {
            return ReplyValidation.Invalid(ReplyValidation.NotJson, ex.Message);
        }

        using (document)
        {
            return Check(document.RootElement);
        }
    }

    private static ReplyValidation Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ReplyValidation.Invalid(ReplyValidation.SchemaViolation, $"expected an object, got {root.ValueKind}");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!DescriptionSchema.Fields.Contains(property.Name))
            {
                return ReplyValidation.Invalid(ReplyValidation.SchemaViolation, $"unexpected field '{property.Name}'");
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                return ReplyValidation.Invalid(
                    ReplyValidation.SchemaViolation, $"field '{property.Name}' is {property.Value.ValueKind}, not a string");
            }

            if (!values.TryAdd(property.Name, property.Value.GetString()!))
            {
                return ReplyValidation.Invalid(ReplyValidation.SchemaViolation, $"duplicate field '{property.Name}'");
            }
        }

        foreach (var field in DescriptionSchema.Fields)
        {
            if (!values.ContainsKey(field))
            {
                return ReplyValidation.Invalid(ReplyValidation.SchemaViolation, $"missing field '{field}'");
            }
        }

        return ReplyValidation.Valid(new DescriptionFields(
            values[DescriptionSchema.OcrField], values[DescriptionSchema.VisualSceneField], values[DescriptionSchema.ReasoningField]));
    }

    private static string StripFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal)
            || trimmed.Length < 6)
        {
            return trimmed;
        }

        var firstNewline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return firstNewline < 0 ? trimmed : trimmed[(firstNewline + 1)..^3].Trim();
    }
}
