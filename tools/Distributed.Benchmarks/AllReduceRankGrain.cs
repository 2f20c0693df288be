using System.Net;
using Distributed.Grains.Placement;
using Distributed.Grains.Training;
using Distributed.Learning.Collective;

namespace Distributed.Benchmarks;

/// <summary>
/// Holds one rank's transports; the all-reduces run on the thread pool (<see cref="Task.Run(Func{Task})"/>), off the
/// grain's scheduler, as a trainer would run them.
/// </summary>
[SiloBoundPlacement]
public sealed class AllReduceRankGrain(GrainRingLinks links) : Grain, IAllReduceRankGrain, IDisposable
{
    private SocketRingListener? _listener;
    private SocketRingTransport? _socket;
    private GrainRingTransport? _grain;

    public Task<int> GetProcessIdAsync() => Task.FromResult(Environment.ProcessId);

    public Task<string> OpenSocketAsync()
    {
        _listener = SocketRingListener.Start(IPAddress.Loopback);
        return Task.FromResult(_listener.EndPoint.ToString());
    }

    public async Task ConnectSocketAsync(int rank, int worldSize, string next, Guid ringId, byte[] jobToken)
    {
        var listener = _listener ?? throw new InvalidOperationException("Call OpenSocketAsync first.");
        _socket = await listener.ConnectAsync(
            rank, worldSize, IPEndPoint.Parse(next), ringId, jobToken, TimeSpan.FromSeconds(30), CancellationToken.None);
    }

    public Task OpenGrainRingAsync(int rank, int worldSize, string nextSilo, Guid ringId)
    {
        _grain = new GrainRingTransport(GrainFactory, links, ringId, rank, worldSize, SiloAddress.FromParsableString(nextSilo));
        return Task.CompletedTask;
    }

    public Task<double[]> MeasureAsync(string transport, int floats, int warmups, int repeats)
    {
        IRingTransport ring = transport switch
        {
            "socket" => _socket ?? throw new InvalidOperationException("The socket ring is not connected."),
            "grain" => _grain ?? throw new InvalidOperationException("The grain ring is not open."),
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "socket or grain"),
        };
        return Task.Run(() => AllReduceTiming.MeasureAsync(new RingAllReduce(ring), floats, warmups, repeats));
    }

    public Task CloseAsync()
    {
        Dispose();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>Closes the listener, the socket connections and the grain ring's inbox (idempotent).</summary>
    public void Dispose()
    {
        _listener?.Dispose();
        _socket?.Dispose();
        _grain?.Dispose();
    }
}
