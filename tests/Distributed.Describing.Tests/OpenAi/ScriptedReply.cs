using System.Text.Json;

namespace Distributed.Describing.Tests.OpenAi;

/// <summary>One scripted answer of <see cref="FakeChatServer"/>, in the shapes vLLM and OpenAI really send.</summary>
public sealed record ScriptedReply(int Status, string Body, string? RetryAfter = null, bool Hang = false)
{
    public const string ServedModel = "Qwen/Qwen2.5-VL-7B-Instruct";

    public const string ValidContent =
        """{"ocr": "SALE 50%", "visual_scene": "A red shop sign over a crowded street.", "reasoning": "Upbeat promotion."}""";

    /// <summary>A 200 chat completion whose <c>choices[0].message.content</c> is <paramref name="content"/>.</summary>
    public static ScriptedReply Completion(string content = ValidContent) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-7f3c2a9e6b1d4e0f8a5c",
        @object = "chat.completion",
        created = 1764234000,
        model = ServedModel,
        choices = new[]
        {
            new
            {
                index = 0,
                message = new { role = "assistant", content, tool_calls = Array.Empty<object>() },
                logprobs = (object?)null,
                finish_reason = "stop",
            },
        },
        usage = new { prompt_tokens = 1187, total_tokens = 1231, completion_tokens = 44 },
    }));

    /// <summary>An error in vLLM's shape.</summary>
    public static ScriptedReply Error(int status, string? retryAfter = null) => new(
        status,
        JsonSerializer.Serialize(new { @object = "error", message = $"scripted {status}", type = "ServerError", param = (string?)null, code = status }),
        retryAfter);

    /// <summary>A 200 whose body is not a chat completion.</summary>
    public static ScriptedReply Garbage() => new(200, "<html><body>502 Bad Gateway from a proxy</body></html>");

    /// <summary>Holds the request until the server is disposed (or the client gives up).</summary>
    public static ScriptedReply Hanging() => new(200, "", Hang: true);
}
