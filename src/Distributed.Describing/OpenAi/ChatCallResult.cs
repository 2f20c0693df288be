using Distributed.Abstractions.Describing;

namespace Distributed.Describing.OpenAi;

/// <summary>The end of one chat-completions call, retries included: a completion or a classified failure.</summary>
/// <param name="Completion">The parsed response; null when the call failed.</param>
/// <param name="Body">The response body (capped), kept for error records.</param>
/// <param name="Failure">Permanent or Transient when it failed; None otherwise.</param>
/// <param name="ErrorReason">E.g. <c>http_503</c>, <c>timeout</c>, <c>unreachable</c>, <c>invalid_response</c>.</param>
/// <param name="ErrorMessage">Names the endpoint and the image.</param>
internal sealed record ChatCallResult(
    ChatCompletion? Completion, string Body, FailureKind Failure, string? ErrorReason, string? ErrorMessage)
{
    /// <summary>The reason for a 2xx body that is not the chat-completions shape.</summary>
    public const string InvalidResponse = "invalid_response";

    /// <summary>Bodies longer than this many characters are cut before they are kept.</summary>
    public const int MaxBodyChars = 65_536;

    public bool IsInvalidResponse => ErrorReason == InvalidResponse;

    public static ChatCallResult Completed(ChatCompletion completion, string body) =>
        new(completion, body, FailureKind.None, null, null);

    public static ChatCallResult Failed(FailureKind kind, string reason, string message, string body) =>
        new(null, Cap(body), kind, reason, message);

    private static string Cap(string body) => body.Length <= MaxBodyChars ? body : body[..MaxBodyChars];
}
