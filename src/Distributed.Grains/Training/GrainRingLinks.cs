using System.Threading.Channels;
using Distributed.Abstractions.Training;

namespace Distributed.Grains.Training;

/// <summary>
/// This silo's inboxes of grain-call ring links, one per (ring, rank) hosted here: <see cref="RingLinkGrain"/> writes the
/// pieces it receives, the rank's <see cref="GrainRingTransport"/> reads them. A singleton per silo.
/// </summary>
/// <remarks>
/// An inbox is created by whichever comes first, the rank's transport or the first piece from its previous rank, so a
/// fast sender never races a slow receiver. Inboxes are unbounded: the ring algorithm keeps a sender at most one step
/// ahead of its receiver, so an inbox holds at most about one ring segment. Disposing the transport closes its inbox and
/// remembers the (ring, rank) as closed, so a late piece fails its sender instead of recreating an inbox nobody reads
/// (the closed set costs 20 bytes per finished ring and lives as long as the silo).
/// </remarks>
public sealed class GrainRingLinks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid RingId, int Rank), Inbox> _inboxes = [];
    private readonly HashSet<(Guid RingId, int Rank)> _closed = [];

    /// <summary>The number of open inboxes on this silo.</summary>
    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _inboxes.Count;
            }
        }
    }

    /// <summary>Queues a piece for rank <paramref name="rank"/> of ring <paramref name="ringId"/> (never waits).</summary>
    /// <exception cref="InvalidOperationException">That rank's transport was disposed.</exception>
    public void Deliver(Guid ringId, int rank, RingPiece piece)
    {
        ArgumentNullException.ThrowIfNull(piece);
        lock (_gate)
        {
            if (!GetOrAdd((ringId, rank)).Channel.Writer.TryWrite(piece))
            {
                throw new InvalidOperationException($"Ring {ringId:N} rank {rank}: the inbox is closed.");
            }
        }
    }

    /// <summary>Claims the inbox of rank <paramref name="rank"/> for its transport (once per ring and rank).</summary>
    internal ChannelReader<RingPiece> Claim(Guid ringId, int rank)
    {
        lock (_gate)
        {
            var inbox = GetOrAdd((ringId, rank));
            if (inbox.Claimed)
            {
                throw new InvalidOperationException($"Ring {ringId:N} rank {rank} already has a transport on this silo.");
            }

            inbox.Claimed = true;
            return inbox.Channel.Reader;
        }
    }

    /// <summary>Closes and forgets the inbox (idempotent); a pending read fails with <see cref="ChannelClosedException"/>.</summary>
    internal void Close(Guid ringId, int rank)
    {
        lock (_gate)
        {
            _closed.Add((ringId, rank));
            if (_inboxes.Remove((ringId, rank), out var inbox))
            {
                inbox.Channel.Writer.TryComplete();
            }
        }
    }

    private Inbox GetOrAdd((Guid RingId, int Rank) key)
    {
        if (_closed.Contains(key))
        {
            throw new InvalidOperationException($"Ring {key.RingId:N} rank {key.Rank}: its transport on this silo was disposed.");
        }

        if (!_inboxes.TryGetValue(key, out var inbox))
        {
            inbox = new Inbox();
            _inboxes.Add(key, inbox);
        }

        return inbox;
    }

    private sealed class Inbox
    {
        public Channel<RingPiece> Channel { get; } = System.Threading.Channels.Channel.CreateUnbounded<RingPiece>(
            new UnboundedChannelOptions { SingleReader = true });

        public bool Claimed { get; set; }
    }
}
