namespace Distributed.Learning.Training;

/// <summary>Shapes of the image inputs of the fusion baselines (ResNet18, ImageNet weights).</summary>
public static class ImageInputs
{
    /// <summary>Width of one image feature vector (ResNet18's pooled features, and each of its 7×7 map cells).</summary>
    public const int FeatureSize = 512;

    /// <summary>Region tokens per image: the cells of ResNet18's 7×7 last feature map, row-major.</summary>
    public const int RegionCount = 49;

    /// <summary>Length of a flattened region map: <see cref="RegionCount"/> × <see cref="FeatureSize"/>.</summary>
    public const int RegionsLength = RegionCount * FeatureSize;
}
