using System.Diagnostics;
using Distributed.Abstractions.Describing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Distributed.Describing.OpenAi;

/// <summary>
/// Describes images with a VLM behind an OpenAI-compatible chat-completions API (vLLM, SGLang, Ollama, llama.cpp
/// server). HTTP failures are retried by the resilience pipeline and end Transient or Permanent (see
/// <see cref="ChatCompletionClient"/>); a reply that is not JSON or breaks the schema, or a body that is not a chat
/// completion, is asked for once more and then ends Permanent with the raw text kept. Only cancellation throws.
/// </summary>
/// <remarks>The <see cref="HttpClient"/> is not owned; give it an infinite (or long) timeout: each attempt has its own.</remarks>
public sealed class OpenAiDescriber : IDescriber
{
    /// <summary>Calls per image when replies are invalid: the first and one more.</summary>
    public const int ReplyAttempts = 2;

    private readonly IDescriptionPrompt _prompt;
    private readonly OpenAiDescriberOptions _options;
    private readonly ChatCompletionClient _client;
    private readonly ILogger _logger;

    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public OpenAiDescriber(
        HttpClient httpClient, OpenAiDescriberOptions options, IDescriptionPrompt prompt, ILogger<OpenAiDescriber>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prompt);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid OpenAI describer options: {string.Join(" ", problems)}", nameof(options));
        }

        _options = options;
        _prompt = prompt;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _client = new ChatCompletionClient(httpClient, options, _logger);
        Identity = IdentityFor(options, prompt);
    }

    /// <summary>The identity a describer with these options and prompt has, without building one.</summary>
    public static DescriberIdentity IdentityFor(OpenAiDescriberOptions options, IDescriptionPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prompt);
        return new DescriberIdentity(options.DescriberId, options.Model, prompt.Version, prompt.UsesPostText, options.MaxImageSide);
    }

    public DescriberIdentity Identity { get; }

    public async Task<DescribeOutcome> DescribeAsync(DescribeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var body = ChatCompletionRequest.Write(_options, _prompt, request);
        string reason = "", detail = "", raw = "", model = _options.Model;
        for (var attempt = 1; attempt <= ReplyAttempts; attempt++)
        {
            var call = await _client.PostAsync(body, request.ImageSha256, cancellationToken);
            if (call.Completion is { } completion)
            {
                model = completion.Model ?? _options.Model;
                var verdict = _prompt.Validate(completion.Content);
                if (verdict.Fields is { } fields)
                {
                    var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    OpenAiDescriberLog.Described(_logger, request.ImageSha256, model, latency,
                        completion.PromptTokens, completion.CompletionTokens, completion.FinishReason);
                    return DescribeOutcome.Success(fields, completion.Content, latency, model);
                }

                var truncated = completion.FinishReason == "length" ? $" (cut at max_tokens {_options.MaxTokens})" : "";
                (reason, detail, raw) = (verdict.Reason ?? "invalid_reply", verdict.Detail + truncated, completion.Content);
            }
            else if (call.IsInvalidResponse)
            {
                (reason, detail, raw) = (call.ErrorReason!, call.ErrorMessage ?? "", call.Body);
            }
            else
            {
                return Fail(call.Failure, call.ErrorReason!, call.ErrorMessage ?? "", call.Body, started, model, request);
            }

            OpenAiDescriberLog.InvalidReply(_logger, request.ImageSha256, _client.DisplayEndpoint, reason, detail, attempt, ReplyAttempts);
        }

        var message = $"POST {_client.DisplayEndpoint} for image {request.ImageSha256}: invalid reply {ReplyAttempts} times ({reason}): {detail}";
        return Fail(FailureKind.Permanent, reason, message, raw, started, model, request);
    }

    private DescribeOutcome Fail(
        FailureKind kind, string reason, string message, string raw, long started, string model, DescribeRequest request)
    {
        OpenAiDescriberLog.DescribeFailed(_logger, request.ImageSha256, kind.ToString(), reason, message);
        return DescribeOutcome.Failed(kind, reason, message, raw, Stopwatch.GetElapsedTime(started).TotalMilliseconds, model);
    }
}
