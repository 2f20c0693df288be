using Orleans.Placement;

namespace Distributed.Grains.Placement;

/// <summary>Places a grain on the silo its key names (see <see cref="Abstractions.Cluster.NodeKey"/>).</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("Distributed.SiloBoundPlacement")]
public sealed class SiloBoundPlacement : PlacementStrategy
{
    internal static readonly SiloBoundPlacement Instance = new();
}

/// <summary>Marks a grain class as silo-bound.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloBoundPlacementAttribute() : PlacementAttribute(SiloBoundPlacement.Instance);
