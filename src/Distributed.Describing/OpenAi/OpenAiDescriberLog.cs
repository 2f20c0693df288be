using Microsoft.Extensions.Logging;

namespace Distributed.Describing.OpenAi;

/// <summary>Log messages of the OpenAI-compatible describer. None carries the API key or the image bytes.</summary>
internal static partial class OpenAiDescriberLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Retrying POST {Endpoint} for image {ImageSha256} after {Reason}: retry {Retry} of {MaxRetries} in {DelayMs} ms")]
    public static partial void RetryingCall(
        ILogger logger, string endpoint, string imageSha256, string reason, int retry, int maxRetries, double delayMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Invalid reply for image {ImageSha256} from {Endpoint} ({Reason}: {Detail}), attempt {Attempt} of {Attempts}")]
    public static partial void InvalidReply(
        ILogger logger, string imageSha256, string endpoint, string reason, string detail, int attempt, int attempts);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Describing image {ImageSha256} failed ({Failure}, {Reason}): {Detail}")]
    public static partial void DescribeFailed(ILogger logger, string imageSha256, string failure, string reason, string detail);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug,
        Message = "Described image {ImageSha256} with {Model} in {LatencyMs} ms ({PromptTokens} prompt + {CompletionTokens} completion tokens, finish {FinishReason})")]
    public static partial void Described(
        ILogger logger, string imageSha256, string model, double latencyMs, int? promptTokens, int? completionTokens, string? finishReason);
}
