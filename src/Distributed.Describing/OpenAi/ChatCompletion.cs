using System.Text.Json;

namespace Distributed.Describing.OpenAi;

/// <summary>The parts of a chat-completions response the describer uses.</summary>
/// <param name="Content"><c>choices[0].message.content</c>: the model's reply.</param>
/// <param name="Model">The <c>model</c> the server reports; null when absent.</param>
/// <param name="PromptTokens"><c>usage.prompt_tokens</c> when present.</param>
/// <param name="CompletionTokens"><c>usage.completion_tokens</c> when present.</param>
/// <param name="FinishReason"><c>choices[0].finish_reason</c> when present (e.g. <c>stop</c>, <c>length</c>).</param>
internal sealed record ChatCompletion(string Content, string? Model, int? PromptTokens, int? CompletionTokens, string? FinishReason)
{
    /// <summary>Reads a response body; false with a problem when it is not the chat-completions shape.</summary>
    public static bool TryParse(string body, out ChatCompletion? completion, out string problem)
    {
        completion = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the body is not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
            {
                problem = "the body has no choices";
                return false;
            }

            var choice = choices[0];
            if (choice.ValueKind != JsonValueKind.Object
                || !choice.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
            {
                problem = "choices[0].message.content is not a string";
                return false;
            }

            var usage = root.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
            completion = new ChatCompletion(
                content.GetString()!,
                StringOrNull(root, "model"),
                IntOrNull(usage, "prompt_tokens"),
                IntOrNull(usage, "completion_tokens"),
                StringOrNull(choice, "finish_reason"));
            problem = "";
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"the body is not JSON ({ex.Message})";
            return false;
        }
    }

    private static string? StringOrNull(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? IntOrNull(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
