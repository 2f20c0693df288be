using System.Threading.Channels;

namespace Distributed.Learning.Collective;

/// <summary>Rings whose ranks live in one process (tests and embedded mode), connected by bounded channels.</summary>
public static class InProcessRing
{
    /// <summary>
    /// Chunks a rank may send ahead of its next neighbour before its send waits (2: one step of slack, so a rank that
    /// is one step ahead does not stall).
    /// </summary>
    public const int DefaultCapacity = 2;

    /// <summary>
    /// Creates <paramref name="worldSize"/> connected transports; element i is rank i. Each link is a bounded channel of
    /// <paramref name="capacity"/> chunks: senders and receivers wait asynchronously (no busy-waiting), and both honour
    /// their cancellation token.
    /// </summary>
    public static IReadOnlyList<IRingTransport> Create(int worldSize, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);

        // links[i] carries chunks from rank i to rank i + 1.
        var links = new Channel<InProcessChunk>[worldSize];
        for (var i = 0; i < worldSize; i++)
        {
            links[i] = Channel.CreateBounded<InProcessChunk>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }

        var transports = new IRingTransport[worldSize];
        for (var rank = 0; rank < worldSize; rank++)
        {
            transports[rank] = new InProcessRingTransport(rank, worldSize, links[rank].Writer, links[(rank - 1 + worldSize) % worldSize].Reader);
        }

        return transports;
    }
}
