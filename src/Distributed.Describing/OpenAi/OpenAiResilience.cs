using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Distributed.Describing.OpenAi;

/// <summary>
/// The Polly pipeline of one chat-completions call: retries with exponential backoff and jitter (honouring a capped
/// <c>Retry-After</c> on 429/503) around a per-attempt timeout. Retried: 408, 429, 5xx, connection errors, timeouts.
/// </summary>
internal static class OpenAiResilience
{
    /// <summary>The image being described, for log messages of retries.</summary>
    public static readonly ResiliencePropertyKey<string> ImageSha256 = new("distributed.image_sha256");

    public static ResiliencePipeline<HttpResponseMessage> Build(OpenAiDescriberOptions options, string endpoint, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    OpenAiDescriberLog.RetryingCall(
                        logger, endpoint, args.Context.Properties.GetValue(ImageSha256, ""), Reason(args.Outcome),
                        args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }

    /// <summary>Whether another attempt may succeed: 408, 429, 5xx, a connection error or a timeout.</summary>
    public static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => IsRetryable(response.StatusCode),
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: TaskCanceledException { InnerException: TimeoutException } } => true,
        _ => false,
    };

    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>A snake_case reason: <c>http_{status}</c>, <c>timeout</c>, <c>unreachable</c>.</summary>
    public static string Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"http_{(int)response.StatusCode}",
        { Exception: TimeoutRejectedException or TaskCanceledException { InnerException: TimeoutException } } => "timeout",
        { Exception: HttpRequestException } => "unreachable",
        { Exception: { } ex } => ex.GetType().Name,
        _ => "unknown",
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        if (response is not { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable }
            || response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var delay = retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow) ?? TimeSpan.Zero;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > cap ? cap : delay;
    }
}
