namespace Distributed.Training.Vision;

/// <summary>
/// ResNet18 features of one image.
/// </summary>
/// <param name="Pooled">The 512 globally average-pooled features (the model's own output).</param>
/// <param name="Regions">The 7×7×512 map before pooling, region-major: region <c>r = y * 7 + x</c> (y down, x right
/// over the 224×224 input) holds the 512 channels at <c>Regions[r * 512 .. r * 512 + 511]</c>.</param>
public sealed record ImageFeatures(float[] Pooled, float[] Regions)
{
    /// <summary>Channels per region and of <see cref="Pooled"/>: 512.</summary>
    public const int Channels = 512;

    /// <summary>Side of the region grid: 7.</summary>
    public const int GridSide = 7;

    /// <summary>Number of regions: 49.</summary>
    public const int RegionCount = GridSide * GridSide;

    /// <summary>The 512 channels of region <paramref name="region"/> (0–48).</summary>
    public ReadOnlySpan<float> Region(int region) => Regions.AsSpan(region * Channels, Channels);
}
