using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Distributed.Abstractions.Describing;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Distributed.Describing.OpenAi;

/// <summary>
/// Posts chat-completions bodies through the resilience pipeline and classifies the end: a completion, a Transient
/// failure (408/429/5xx, timeout or unreachable after retries; also 401/403/404, which are configuration errors, not
/// properties of the image), a Permanent one (any other 4xx: retrying the same image will not help), or
/// <c>invalid_response</c> (a 2xx body that is not the chat-completions shape).
/// </summary>
internal sealed class ChatCompletionClient
{
    private readonly HttpClient _httpClient;
    private readonly Uri _uri;
    private readonly string? _apiKey;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ChatCompletionClient(HttpClient httpClient, OpenAiDescriberOptions options, ILogger logger)
    {
        _httpClient = httpClient;
        _uri = new Uri(options.Endpoint.AbsoluteUri.TrimEnd('/') + "/chat/completions");
        _apiKey = options.ResolveApiKey();
        DisplayEndpoint = new UriBuilder(_uri) { UserName = "", Password = "" }.Uri.ToString();
        _pipeline = OpenAiResilience.Build(options, DisplayEndpoint, logger);
    }

    /// <summary>The chat-completions URL without user info, for messages and logs.</summary>
    public string DisplayEndpoint { get; }

    public async Task<ChatCallResult> PostAsync(byte[] body, string imageSha256, CancellationToken cancellationToken)
    {
        var attempts = new StrongBox<int>();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OpenAiResilience.ImageSha256, imageSha256);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Self.SendOnceAsync(state.Body, state.Attempts, ctx.CancellationToken),
                context,
                (Self: this, Body: body, Attempts: attempts));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException)
        {
            var reason = OpenAiResilience.Reason(Outcome.FromException<HttpResponseMessage>(ex));
            return ChatCallResult.Failed(
                FailureKind.Transient, reason, $"{Prefix(imageSha256)}: {reason} after {attempts.Value} attempt(s): {Redact(ex.Message)}", "");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            var text = Redact(await response.Content.ReadAsStringAsync(cancellationToken));
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var kind = OpenAiResilience.IsRetryable(response.StatusCode) || IsConfigurationError(response.StatusCode)
                    ? FailureKind.Transient
                    : FailureKind.Permanent;
                var snippet = text.Length > 500 ? text[..500] : text;
                return ChatCallResult.Failed(
                    kind, $"http_{status}", $"{Prefix(imageSha256)}: HTTP {status} after {attempts.Value} attempt(s): {snippet}", text);
            }

            return ChatCompletion.TryParse(text, out var completion, out var problem)
                ? ChatCallResult.Completed(completion!, text)
                : ChatCallResult.Failed(
                    FailureKind.Permanent, ChatCallResult.InvalidResponse, $"{Prefix(imageSha256)}: not a chat completion: {problem}", text);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(byte[] body, StrongBox<int> attempts, CancellationToken cancellationToken)
    {
        attempts.Value++;
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        if (_apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        }

        return await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    /// <summary>
    /// The text with every occurrence of the API key replaced by <c>***</c>: some servers and proxies echo the key they
    /// rejected in a 401 body, which would otherwise reach the error message, the failures file and the JSON summary.
    /// </summary>
    private string Redact(string text) =>
        string.IsNullOrEmpty(_apiKey) || !text.Contains(_apiKey, StringComparison.Ordinal)
            ? text
            : text.Replace(_apiKey, "***", StringComparison.Ordinal);

    private static bool IsConfigurationError(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    private string Prefix(string imageSha256) => $"POST {DisplayEndpoint} for image {imageSha256}";
}
