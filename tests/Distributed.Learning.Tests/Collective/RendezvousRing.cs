using Distributed.Learning.Collective;

namespace Distributed.Learning.Tests.Collective;

/// <summary>
/// Transports whose send completes only after the next rank has received the chunk (like a socket with no buffer
/// space): a ring that sends before receiving on every rank deadlocks on them.
/// </summary>
internal sealed class RendezvousRing(IRingTransport inner, SemaphoreSlim delivered, SemaphoreSlim received) : IRingTransport
{
    public int Rank => inner.Rank;

    public int WorldSize => inner.WorldSize;

    public static IReadOnlyList<IRingTransport> Create(int worldSize)
    {
        var inner = InProcessRing.Create(worldSize, capacity: 1);
        // acks[i]: rank i + 1 has received a chunk from rank i.
        var acks = Enumerable.Range(0, worldSize).Select(_ => new SemaphoreSlim(0)).ToArray();
        return [.. inner.Select((transport, rank) => new RendezvousRing(transport, acks[rank], acks[(rank - 1 + worldSize) % worldSize]))];
    }

    public async ValueTask SendToNextAsync(ReadOnlyMemory<float> chunk, CancellationToken cancellationToken)
    {
        await inner.SendToNextAsync(chunk, cancellationToken);
        await delivered.WaitAsync(cancellationToken);
    }

    public async ValueTask ReceiveFromPreviousAsync(Memory<float> into, CancellationToken cancellationToken)
    {
        await inner.ReceiveFromPreviousAsync(into, cancellationToken);
        received.Release();
    }
}
