using System.Text.Json;
using Distributed.Abstractions.Describing;

namespace Distributed.Describing.OpenAi;

/// <summary>
/// Writes the body of <c>POST /chat/completions</c> in the OpenAI shape: one user message with the rendered prompt
/// and the image as a data URL, temperature 0, <c>max_tokens</c>, and a strict <c>json_schema</c> response format.
/// </summary>
internal static class ChatCompletionRequest
{
    public static byte[] Write(OpenAiDescriberOptions options, IDescriptionPrompt prompt, DescribeRequest request)
    {
        using var buffer = new MemoryStream(request.Image.Length * 4 / 3 + 4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("model", options.Model);
            writer.WriteStartArray("messages");
            writer.WriteStartObject();
            writer.WriteString("role", "user");
            writer.WriteStartArray("content");
            writer.WriteStartObject();
            writer.WriteString("type", "text");
            writer.WriteString("text", prompt.Render(request.PostText));
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("type", "image_url");
            writer.WriteStartObject("image_url");
            writer.WriteString("url", $"data:{request.MediaType};base64,{Convert.ToBase64String(request.Image)}");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteNumber("temperature", 0);
            writer.WriteNumber("max_tokens", options.MaxTokens);
            writer.WriteStartObject("response_format");
            writer.WriteString("type", "json_schema");
            writer.WriteStartObject("json_schema");
            writer.WriteString("name", prompt.SchemaName);
            writer.WriteBoolean("strict", true);
            writer.WritePropertyName("schema");
            writer.WriteRawValue(prompt.SchemaJson);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
