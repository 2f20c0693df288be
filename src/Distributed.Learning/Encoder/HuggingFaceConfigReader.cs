using System.Text.Json;

namespace Distributed.Learning.Encoder;

/// <summary>Typed access to keys of a Hugging Face <c>config.json</c>; every failure names the key.</summary>
internal readonly struct HuggingFaceConfigReader(JsonElement root)
{
    public int Int(string key, int? fallback = null)
    {
        if (!TryGet(key, out var value))
        {
            return fallback ?? throw Missing(key);
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Invalid(key, value, "an integer");
    }

    public double Double(string key, double? fallback = null)
    {
        if (!TryGet(key, out var value))
        {
            return fallback ?? throw Missing(key);
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            ? number
            : throw Invalid(key, value, "a number");
    }

    public void RequireStringOrAbsent(string key, string expected)
    {
        if (TryGet(key, out var value)
            && (value.ValueKind != JsonValueKind.String || value.GetString() != expected))
        {
            throw Invalid(key, value, $"\"{expected}\" (the only supported value)");
        }
    }

    private bool TryGet(string key, out JsonElement value)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("config.json: the root is not a JSON object.");
        }

        return root.TryGetProperty(key, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private static FormatException Missing(string key) =>
        new($"config.json: required key '{key}' is missing.");

    private static FormatException Invalid(string key, JsonElement value, string expected) =>
        new($"config.json: key '{key}' is {value.GetRawText()}, expected {expected}.");
}
