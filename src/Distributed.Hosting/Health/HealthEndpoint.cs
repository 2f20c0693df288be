using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Distributed.Hosting.Health;

/// <summary>
/// The silo's probe endpoints on <see cref="SiloHostOptions.HealthPort"/>: <c>GET /healthz/live</c> answers 200
/// while the process runs; <c>GET /healthz/ready</c> answers 200 only while <see cref="SiloReadiness"/> says so,
/// else 503 with the reason. Plain <see cref="HttpListener"/>: two fixed paths need no web framework.
/// </summary>
public sealed partial class HealthEndpoint(IOptions<SiloHostOptions> options, SiloReadiness readiness, ILogger<HealthEndpoint> logger)
    : BackgroundService
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    private readonly HttpListener _listener = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Listen before the silo starts so liveness answers during a slow start; readiness says 503 until Active.
        var port = options.Value.HealthPort;
        _listener.Prefixes.Add($"http://*:{port}/");
        _listener.Start();
        LogListening(logger, port);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _listener.Stop();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _listener.Close();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var (status, body) = context.Request.Url?.AbsolutePath switch
        {
            LivePath => (HttpStatusCode.OK, "live"),
            ReadyPath => readiness.IsReady(out var reason)
                ? (HttpStatusCode.OK, reason)
                : (HttpStatusCode.ServiceUnavailable, reason),
            _ => (HttpStatusCode.NotFound, "not found"),
        };
        try
        {
            var bytes = Encoding.UTF8.GetBytes(body + "\n");
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }
        catch (HttpListenerException ex)
        {
            LogAnswerFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health endpoints listening on port {Port} (/healthz/live, /healthz/ready)")]
    private static partial void LogListening(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Health probe answer failed: {Error}")]
    private static partial void LogAnswerFailed(ILogger logger, string error);
}
