using System.Runtime.InteropServices;
using System.Threading.Channels;
using Distributed.Abstractions.Training;
using Distributed.Learning.Collective;

namespace Distributed.Grains.Training;

/// <summary>
/// One rank of a ring whose links are grain calls: the fallback for when ranks cannot open direct TCP connections
/// (<see cref="SocketRingTransport"/>, about 4-6x faster between two silo processes on one machine: docs/results/allreduce.md). Create it on the silo that hosts the rank, with that silo's
/// <see cref="IGrainFactory"/> and <see cref="GrainRingLinks"/>.
/// </summary>
/// <remarks>
/// A send splits the chunk into pieces of at most <c>pieceBytes</c> (4 MiB by default, far below Orleans' 100 MiB message
/// limit) and calls the next rank's <see cref="IRingLinkGrain"/> once per piece, awaiting each call, so pieces arrive in
/// order; each carries a sequence number and an end-of-chunk flag. A receive reads this rank's inbox, checks the sender,
/// the sequence and the length (<see cref="InvalidOperationException"/> when the ranks disagree), and copies the bytes into
/// the caller's buffer. Disposing closes the inbox: a pending receive fails with <see cref="ObjectDisposedException"/> and a
/// later piece from the previous rank fails its sender.
/// </remarks>
public sealed class GrainRingTransport : IRingTransport, IAsyncDisposable, IDisposable
{
    /// <summary>The default largest piece per grain call: 4 MiB.</summary>
    public const int DefaultPieceBytes = 4 * 1024 * 1024;

    private readonly GrainRingLinks _links;
    private readonly Guid _ringId;
    private readonly int _pieceBytes;
    private readonly IRingLinkGrain? _next;
    private readonly ChannelReader<RingPiece>? _inbox;
    private long _sent;
    private long _received;
    private int _disposed;

    /// <param name="grains">The grain factory of the silo that hosts this rank.</param>
    /// <param name="links">The inboxes of the silo that hosts this rank.</param>
    /// <param name="ringId">The ring, the same on every rank.</param>
    /// <param name="rank">This rank, 0 to <paramref name="worldSize"/> - 1.</param>
    /// <param name="worldSize">The number of ranks.</param>
    /// <param name="nextSilo">The silo that hosts rank <c>(rank + 1) % worldSize</c> (and its link grain).</param>
    /// <param name="pieceBytes">The largest piece per grain call, a positive multiple of 4.</param>
    public GrainRingTransport(
        IGrainFactory grains, GrainRingLinks links, Guid ringId, int rank, int worldSize, SiloAddress nextSilo, int pieceBytes = DefaultPieceBytes)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(nextSilo);
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, worldSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(pieceBytes, sizeof(float));
        if (pieceBytes % sizeof(float) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pieceBytes), pieceBytes, "must be a multiple of 4");
        }

        _links = links ?? throw new ArgumentNullException(nameof(links));
        _ringId = ringId;
        _pieceBytes = pieceBytes;
        Rank = rank;
        WorldSize = worldSize;
        if (worldSize > 1)
        {
            _next = grains.GetGrain<IRingLinkGrain>(RingLinkKey.For(nextSilo, ringId, (rank + 1) % worldSize));
            _inbox = links.Claim(ringId, rank);
        }
    }

    /// <inheritdoc />
    public int Rank { get; }

    /// <inheritdoc />
    public int WorldSize { get; }

    /// <inheritdoc />
    public async ValueTask SendToNextAsync(ReadOnlyMemory<float> chunk, CancellationToken cancellationToken)
    {
        var next = Link(_next);
        var totalBytes = (long)chunk.Length * sizeof(float);
        long offset = 0;
        do
        {
            var count = (int)Math.Min(_pieceBytes, totalBytes - offset);
            var bytes = MemoryMarshal.AsBytes(chunk.Span).Slice((int)offset, count).ToArray();
            offset += count;
            var piece = new RingPiece(Rank, _sent++, offset == totalBytes, bytes);
            await next.DeliverAsync(piece).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        while (offset < totalBytes);
    }

    /// <inheritdoc />
    public async ValueTask ReceiveFromPreviousAsync(Memory<float> into, CancellationToken cancellationToken)
    {
        var inbox = Link(_inbox);
        var previous = (Rank - 1 + WorldSize) % WorldSize;
        var totalBytes = (long)into.Length * sizeof(float);
        long offset = 0;
        while (true)
        {
            RingPiece piece;
            try
            {
                piece = await inbox.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ChannelClosedException exception)
            {
                throw new ObjectDisposedException(nameof(GrainRingTransport), exception);
            }

            if (piece.FromRank != previous || piece.Sequence != _received)
            {
                throw new InvalidOperationException(
                    $"Rank {Rank} of ring {_ringId:N} expected piece {_received} from rank {previous} but received piece {piece.Sequence} from rank {piece.FromRank}.");
            }

            _received++;
            if (offset + piece.Bytes.Length > totalBytes || (piece.EndOfChunk && offset + piece.Bytes.Length != totalBytes))
            {
                throw new InvalidOperationException(
                    $"Rank {Rank} expected a chunk of {into.Length} floats from rank {previous} but received a different length; " +
                    "the ranks disagree on the buffer length.");
            }

            piece.Bytes.CopyTo(MemoryMarshal.AsBytes(into.Span)[(int)offset..]);
            offset += piece.Bytes.Length;
            if (piece.EndOfChunk)
            {
                return;
            }
        }
    }

    /// <summary>Closes this rank's inbox (idempotent).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && WorldSize > 1)
        {
            _links.Close(_ringId, Rank);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private T Link<T>(T? link)
        where T : class
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return link ?? throw new InvalidOperationException("A ring of one rank has no neighbour to send to or receive from.");
    }
}
