namespace Distributed.Learning.Text;

/// <summary>
/// One encoded (post, description) row, padded to the encoder's maximum length. <see cref="PostTokens"/> and
/// <see cref="DescriptionTokens"/> count the content tokens kept; <see cref="Length"/> counts all real tokens.
/// </summary>
public sealed record EncodedPair(
    int[] InputIds,
    int[] AttentionMask,
    int[] TokenTypeIds,
    int Length,
    int PostTokens,
    int DescriptionTokens,
    bool PostTruncated,
    bool DescriptionTruncated)
{
    /// <summary>True when either side lost tokens to the length budget.</summary>
    public bool Truncated => PostTruncated || DescriptionTruncated;
}
