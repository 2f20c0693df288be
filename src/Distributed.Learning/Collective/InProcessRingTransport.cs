using System.Threading.Channels;

namespace Distributed.Learning.Collective;

/// <summary>One rank of an <see cref="InProcessRing"/>: sends copies of chunks through a bounded channel.</summary>
internal sealed class InProcessRingTransport(int rank, int worldSize, ChannelWriter<float[]> toNext, ChannelReader<float[]> fromPrevious)
    : IRingTransport
{
    public int Rank => rank;

    public int WorldSize => worldSize;

    public ValueTask SendToNextAsync(ReadOnlyMemory<float> chunk, CancellationToken cancellationToken) =>
        toNext.WriteAsync(chunk.ToArray(), cancellationToken);

    public async ValueTask ReceiveFromPreviousAsync(Memory<float> into, CancellationToken cancellationToken)
    {
        var chunk = await fromPrevious.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (chunk.Length != into.Length)
        {
            throw new InvalidOperationException(
                $"Rank {rank} expected a chunk of {into.Length} floats from rank {(rank - 1 + worldSize) % worldSize} but received {chunk.Length}; " +
                "the ranks disagree on the buffer length.");
        }

        chunk.CopyTo(into);
    }
}
