using System.Buffers;
using System.Threading.Channels;

namespace Distributed.Learning.Collective;

/// <summary>
/// One rank of an <see cref="InProcessRing"/>: sends copies of chunks (in arrays rented from <see cref="ArrayPool{T}"/>,
/// returned by the receiver) through a bounded channel.
/// </summary>
internal sealed class InProcessRingTransport(int rank, int worldSize, ChannelWriter<InProcessChunk> toNext, ChannelReader<InProcessChunk> fromPrevious)
    : IRingTransport
{
    public int Rank => rank;

    public int WorldSize => worldSize;

    public async ValueTask SendToNextAsync(ReadOnlyMemory<float> chunk, CancellationToken cancellationToken)
    {
        var copy = ArrayPool<float>.Shared.Rent(chunk.Length);
        chunk.CopyTo(copy);
        try
        {
            await toNext.WriteAsync(new InProcessChunk(copy, chunk.Length), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ArrayPool<float>.Shared.Return(copy);
            throw;
        }
    }

    public async ValueTask ReceiveFromPreviousAsync(Memory<float> into, CancellationToken cancellationToken)
    {
        var chunk = await fromPrevious.ReadAsync(cancellationToken).ConfigureAwait(false);
        var length = chunk.Length;
        if (length == into.Length)
        {
            chunk.Values.AsSpan(0, length).CopyTo(into.Span);
        }

        ArrayPool<float>.Shared.Return(chunk.Values);
        if (length != into.Length)
        {
            throw new InvalidOperationException(
                $"Rank {rank} expected a chunk of {into.Length} floats from rank {(rank - 1 + worldSize) % worldSize} but received {length}; " +
                "the ranks disagree on the buffer length.");
        }
    }
}
