using Distributed.Abstractions.Cluster;
using Orleans.Runtime.Placement;

namespace Distributed.Grains.Placement;

/// <summary>Activates a silo-bound grain on the silo named by its key; refuses when that silo is not active.</summary>
public sealed class SiloBoundPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString()!;
        var silo = NodeKey.SiloOf(key);
        var compatible = context.GetCompatibleSilos(target);
        if (!compatible.Contains(silo))
        {
            throw new OrleansException(
                $"Grain {target.GrainIdentity} is bound to silo {silo}, which is not an active compatible silo " +
                $"(active: {string.Join(", ", compatible.Select(s => s.ToParsableString()))}).");
        }

        return Task.FromResult(silo);
    }
}
