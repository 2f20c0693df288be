using System.Net;
using System.Net.Sockets;

namespace Distributed.Learning.Tests.Collective;

/// <summary>
/// A loopback TCP relay for one connection: forwards both directions to a target and records the bytes the client sent.
/// </summary>
internal sealed class CapturingRelay : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly IPEndPoint _target;
    private readonly MemoryStream _captured = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private CapturingRelay(Socket listener, IPEndPoint target)
    {
        _listener = listener;
        _target = target;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        _run = RunAsync();
    }

    public IPEndPoint EndPoint { get; }

    public static CapturingRelay Start(IPEndPoint target)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        return new CapturingRelay(listener, target);
    }

    /// <summary>The client-to-target bytes, once both directions have closed.</summary>
    public async Task<byte[]> CapturedAsync(TimeSpan timeout)
    {
        await _run.WaitAsync(timeout);
        return _captured.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _run;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Stopped before or while relaying.
        }

        _stop.Dispose();
        await _captured.DisposeAsync();
    }

    private async Task RunAsync()
    {
        using var client = await _listener.AcceptAsync(_stop.Token);
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await server.ConnectAsync(_target, _stop.Token);
        await Task.WhenAll(PumpAsync(client, server, _captured), PumpAsync(server, client, null));
    }

    private async Task PumpAsync(Socket from, Socket to, MemoryStream? capture)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReceiveAsync(buffer, _stop.Token)) > 0)
        {
            capture?.Write(buffer, 0, read);
            for (var sent = 0; sent < read;)
            {
                sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), _stop.Token);
            }
        }

        to.Shutdown(SocketShutdown.Send);
    }
}
