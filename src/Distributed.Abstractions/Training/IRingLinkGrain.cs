namespace Distributed.Abstractions.Training;

/// <summary>
/// The receiving end of one ring link over grain calls (the fallback when ranks cannot open direct sockets to each other):
/// one activation per (ring, rank), keyed <c>{silo}/ring/{ringId}/{rank}</c> (<see cref="RingLinkKey"/>) and activated on the
/// silo that hosts that rank, where it hands each piece to the rank's inbox. The previous rank calls it once per piece,
/// awaiting each call before the next, so pieces arrive in sequence order.
/// </summary>
/// <remarks>
/// A piece carries at most a few MB (the sender splits larger chunks; 4 MiB by default): Orleans drops the connection for
/// messages over <c>MaxMessageBodySize</c> (100 MiB) and the caller sees only <c>SiloUnavailableException</c>.
/// </remarks>
[Alias("Distributed.IRingLinkGrain")]
public interface IRingLinkGrain : IGrainWithStringKey
{
    /// <summary>Queues one piece for this rank; completes once it is queued (not when the rank has read it).</summary>
    /// <exception cref="InvalidOperationException">This rank's transport on that silo was already disposed.</exception>
    [Alias("Deliver")]
    Task DeliverAsync(RingPiece piece);
}
