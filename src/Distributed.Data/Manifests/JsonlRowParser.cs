using System.Text.Json;

namespace Distributed.Data.Manifests;

/// <summary>
/// Parses one JSONL line: a JSON object with <c>id</c> (string or number, stringified; required), <c>text</c>
/// (string; missing or null → ""), <c>image</c>, <c>split</c> (string or null) and <c>label</c> (string, number or
/// null). Other properties are ignored.
/// </summary>
internal static class JsonlRowParser
{
    public static ManifestEntry Parse(ReadOnlyMemory<byte> line, RowSource source, string? impliedSplit)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return source.Error($"invalid JSON at column {ex.BytePositionInLine + 1}: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return source.Error($"expected a JSON object, found {root.ValueKind}");
            }

            if (!TryGet(root, "id", allowNumber: true, out var id, out var problem)
                || !TryGet(root, "text", allowNumber: false, out var text, out problem)
                || !TryGet(root, "image", allowNumber: false, out var image, out problem)
                || !TryGet(root, "label", allowNumber: true, out var label, out problem)
                || !TryGet(root, "split", allowNumber: false, out var split, out problem))
            {
                return source.Error(problem!);
            }

            return RowFactory.Create(source, id, text, image, label, split, impliedSplit);
        }
    }

    private static bool TryGet(JsonElement root, string name, bool allowNumber, out string? value, out string? problem)
    {
        value = null;
        problem = null;
        if (!root.TryGetProperty(name, out var element))
        {
            return true;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                value = element.GetString();
                return true;
            case JsonValueKind.Number when allowNumber:
                value = element.GetRawText();
                return true;
            default:
                problem = $"'{name}' must be a string{(allowNumber ? " or a number" : string.Empty)}, found {element.ValueKind}";
                return false;
        }
    }
}
