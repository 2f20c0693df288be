using System.Buffers;
using System.Runtime.InteropServices;

namespace Distributed.Learning.Collective;

/// <summary>
/// One rank of a ring whose links are direct TCP connections (TCP_NODELAY) between neighbours: one outgoing connection to
/// the next rank, one incoming from the previous rank, optionally inside TLS (<see cref="RingTls"/>). Created by
/// <see cref="SocketRingListener.ConnectAsync"/>, which authenticates both connections.
/// </summary>
/// <remarks>
/// Chunks are sent as their raw little-endian float32 bytes (<see cref="MemoryMarshal.AsBytes{T}(Span{T})"/>, staged through
/// a pooled 256 KB buffer per direction: one block copy, no per-element serialisation) with no framing, because the receiver
/// knows each chunk's length; a send writes all bytes and a receive reads exactly <c>into.Length * 4</c> bytes (with TLS,
/// through the <see cref="System.Net.Security.SslStream"/>, which encrypts them in records of up to 16 KB). Both ends
/// must share endianness (all supported .NET platforms are little-endian). One send and one receive may run concurrently,
/// as <see cref="IRingTransport"/> allows. For <see cref="WorldSize"/> = 1 there are no sockets and sending or receiving
/// throws (<see cref="RingAllReduce"/> never does either). Disposing closes both connections: pending and later calls on
/// this rank fail with <see cref="ObjectDisposedException"/> or <see cref="IOException"/>, and the neighbours' receives fail
/// with <see cref="IOException"/> ("closed the connection") instead of waiting.
/// </remarks>
public sealed class SocketRingTransport : IRingTransport, IAsyncDisposable, IDisposable
{
    private const int StagingBytes = 256 * 1024;

    private readonly Stream? _toNext;
    private readonly Stream? _fromPrevious;
    private int _disposed;

    internal SocketRingTransport(int rank, int worldSize, Stream? toNext, Stream? fromPrevious)
    {
        Rank = rank;
        WorldSize = worldSize;
        _toNext = toNext;
        _fromPrevious = fromPrevious;
    }

    /// <inheritdoc />
    public int Rank { get; }

    /// <inheritdoc />
    public int WorldSize { get; }

    /// <inheritdoc />
    public async ValueTask SendToNextAsync(ReadOnlyMemory<float> chunk, CancellationToken cancellationToken)
    {
        var stream = Link(_toNext);
        var staging = ArrayPool<byte>.Shared.Rent(StagingBytes);
        try
        {
            var totalBytes = (long)chunk.Length * sizeof(float);
            for (long offset = 0; offset < totalBytes;)
            {
                var count = (int)Math.Min(StagingBytes, totalBytes - offset);
                MemoryMarshal.AsBytes(chunk.Span).Slice((int)offset, count).CopyTo(staging);
                await stream.WriteAsync(staging.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                offset += count;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException && Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(SocketRingTransport), exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(staging);
        }
    }

    /// <inheritdoc />
    public async ValueTask ReceiveFromPreviousAsync(Memory<float> into, CancellationToken cancellationToken)
    {
        var stream = Link(_fromPrevious);
        var staging = ArrayPool<byte>.Shared.Rent(StagingBytes);
        try
        {
            var totalBytes = (long)into.Length * sizeof(float);
            for (long offset = 0; offset < totalBytes;)
            {
                var count = (int)Math.Min(StagingBytes, totalBytes - offset);
                await stream.ReadExactlyAsync(staging.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                staging.AsSpan(0, count).CopyTo(MemoryMarshal.AsBytes(into.Span).Slice((int)offset, count));
                offset += count;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException && Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(SocketRingTransport), exception);
        }
        catch (EndOfStreamException exception)
        {
            throw new IOException($"Rank {Rank}: the previous rank closed the connection in the middle of the ring.", exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(staging);
        }
    }

    /// <summary>Closes both connections (idempotent).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _toNext?.Dispose();
            _fromPrevious?.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private Stream Link(Stream? stream)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return stream ?? throw new InvalidOperationException("A ring of one rank has no neighbour to send to or receive from.");
    }
}
