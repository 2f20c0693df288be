using Distributed.Abstractions.Training;
using Distributed.Grains.Placement;
using Orleans.Concurrency;

namespace Distributed.Grains.Training;

/// <summary>
/// Hands pieces to the inbox of the rank its key names, on the silo its key names; never waits (the inbox is unbounded),
/// so reentrancy only lets calls for a busy link through sooner.
/// </summary>
[SiloBoundPlacement]
[Reentrant]
public sealed class RingLinkGrain(GrainRingLinks links) : Grain, IRingLinkGrain
{
    public Task DeliverAsync(RingPiece piece)
    {
        var (ringId, rank) = RingLinkKey.Parse(this.GetPrimaryKeyString());
        links.Deliver(ringId, rank, piece);
        return Task.CompletedTask;
    }
}
