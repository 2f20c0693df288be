using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Distributed.Describing.Tests.OpenAi;

/// <summary>A request the fake server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? ContentType, string? Authorization, string Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 that records every request and answers with scripted replies in order; the last
/// reply repeats. Hanging replies are released when the server is disposed.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ScriptedReply[] _replies;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    private FakeChatServer(ScriptedReply[] replies)
    {
        _replies = replies;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.Run(AnswerAsync);
    }

    /// <summary>The base URL to configure, <c>http://127.0.0.1:{port}/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when the first request has been read.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public static async Task<FakeChatServer> StartAsync(params ScriptedReply[] replies)
    {
        var server = new FakeChatServer(replies);
        await server._app.StartAsync();
        server.Endpoint = new Uri($"{server._app.Urls.Single()}/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = context.Request;
        _requests.Enqueue(new RecordedRequest(
            request.Method, request.Path, request.ContentType, request.Headers.Authorization.FirstOrDefault(), body));
        var index = Interlocked.Increment(ref _calls) - 1;
        _firstRequest.TrySetResult();
        var reply = _replies[Math.Min(index, _replies.Length - 1)];
        if (reply.Hang)
        {
            await Task.WhenAny(_release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            return;
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }
}
