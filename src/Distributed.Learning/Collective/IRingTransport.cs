namespace Distributed.Learning.Collective;

/// <summary>
/// One rank's view of a ring: it sends to rank <c>(Rank + 1) % WorldSize</c> and receives from rank
/// <c>(Rank - 1 + WorldSize) % WorldSize</c>. Messages are whole chunks of float32 values delivered in order (FIFO per
/// neighbour). Both sides always know a chunk's length in advance (it is a fixed function of the buffer length and the
/// world size), so a transport needs no framing beyond the raw bytes: a socket transport can write
/// <c>MemoryMarshal.AsBytes(chunk.Span)</c> on the connection to the next rank and read exactly
/// <c>into.Length * sizeof(float)</c> bytes from the connection to the previous rank.
/// </summary>
/// <remarks>
/// A caller may run one send and one receive concurrently (the ring algorithm does, so a transport whose send waits for
/// the peer cannot deadlock), but never two sends or two receives at the same time. After a send completes the caller may
/// overwrite <c>chunk</c>; the transport must have copied or written it out by then.
/// </remarks>
public interface IRingTransport
{
    /// <summary>This rank's position in the ring, 0 to <see cref="WorldSize"/> - 1.</summary>
    int Rank { get; }

    /// <summary>The number of ranks in the ring (at least 1).</summary>
    int WorldSize { get; }

    /// <summary>Sends one chunk to the next rank; completes once the chunk may be reused by the caller.</summary>
    ValueTask SendToNextAsync(ReadOnlyMemory<float> chunk, CancellationToken cancellationToken);

    /// <summary>
    /// Receives the next chunk from the previous rank into <paramref name="into"/>, which must be exactly as long as the
    /// chunk the previous rank sent; a transport that can tell throws <see cref="InvalidOperationException"/> otherwise.
    /// </summary>
    ValueTask ReceiveFromPreviousAsync(Memory<float> into, CancellationToken cancellationToken);
}
