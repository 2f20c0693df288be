namespace Distributed.Training.Experiments;

/// <summary>One example of the experiment.</summary>
/// <param name="Id">Unique row id (named in errors and in the shuffled-description map).</param>
/// <param name="Text">The post text.</param>
/// <param name="Description">The VLM description of the post's image; null or blank for a text-only row.</param>
/// <param name="Label">Index into the label names.</param>
/// <param name="Split"><c>train</c>, <c>dev</c> or <c>test</c>.</param>
/// <param name="ImageFeatures">ResNet18 pooled features (512 floats), or null.</param>
/// <param name="ImageRegions">ResNet18 7×7×512 region features, row-major [49,512] (25,088 floats), or null.</param>
public sealed record ExperimentRow(
    string Id,
    string Text,
    string? Description,
    int Label,
    string Split,
    float[]? ImageFeatures = null,
    float[]? ImageRegions = null)
{
    /// <summary>True when the row has a non-blank description.</summary>
    public bool HasDescription => !string.IsNullOrWhiteSpace(Description);
}
