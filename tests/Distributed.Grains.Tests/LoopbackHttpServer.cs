using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Distributed.Grains.Tests;

/// <summary>A small HTTP server on 127.0.0.1 (HttpListener) answering every request with one function.</summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerRequest, (string ContentType, byte[] Body)> _respond;
    private readonly Task _loop;
    private int _requests;

    public LoopbackHttpServer(int port, Func<HttpListenerRequest, (string ContentType, byte[] Body)> respond)
    {
        _respond = respond;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Requests => Volatile.Read(ref _requests);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// An OpenAI-compatible chat-completions server answering every request with a valid description in the real
    /// response shape. (The request shape itself is asserted field by field in Distributed.Describing.Tests.)
    /// </summary>
    public static LoopbackHttpServer ChatCompletions(int port) => new(port, _ =>
    {
        var content = JsonSerializer.Serialize(new { ocr = "", visual_scene = "a test scene", reasoning = "a test reason" });
        var body = JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1764000000,
            model = "test-vlm",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        });
        return ("application/json", Encoding.UTF8.GetBytes(body));
    });

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            var (contentType, body) = _respond(context.Request);
            context.Response.ContentType = contentType;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
