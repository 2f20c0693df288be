using Distributed.Learning.Objectives;

namespace Distributed.Training.Experiments;

/// <summary>Which model a variant trains.</summary>
public enum VariantArchitecture
{
    /// <summary>The text classifier (encoder → pooler → head).</summary>
    Text,

    /// <summary>Late fusion of pooled text and ResNet18 pooled image features.</summary>
    LateFusion,

    /// <summary>Text tokens cross-attending to ResNet18 region features.</summary>
    CrossAttention,
}

/// <summary>What text a variant's encoder reads.</summary>
public enum VariantInput
{
    /// <summary>The post text alone.</summary>
    Post,

    /// <summary>"[CLS] post [SEP] description [SEP]".</summary>
    PostAndDescription,

    /// <summary>The post with the description of another row of the same split (a seeded derangement).</summary>
    PostAndShuffledDescription,
}

/// <summary>One arm of the experiment.</summary>
/// <param name="Key">Short key, "a" to "g".</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="Architecture">The model trained.</param>
/// <param name="Input">The text it reads.</param>
/// <param name="Pooling">The pooler over the token states.</param>
/// <param name="UsesUniformity">True to train with the uniformity weight of <see cref="ExperimentOptions.Lambda"/>; false for λ = 0.</param>
public sealed record ExperimentVariant(
    string Key, string Name, VariantArchitecture Architecture, VariantInput Input, PoolingKind Pooling, bool UsesUniformity)
{
    /// <summary>
    /// The seven variants. (a) is the paper's text-only baseline, plain fine-tuning (mean pooling, λ = 0); the fusion
    /// baselines (b), (c) read the post alone plus image features, also with mean pooling and λ = 0; (d) is the method;
    /// (e), (f), (g) ablate its pooling, its regulariser and the match between post and description.
    /// </summary>
    public static IReadOnlyList<ExperimentVariant> All { get; } =
    [
        new("a", "text only", VariantArchitecture.Text, VariantInput.Post, PoolingKind.MaskedMean, false),
        new("b", "late fusion (text + ResNet18)", VariantArchitecture.LateFusion, VariantInput.Post, PoolingKind.MaskedMean, false),
        new("c", "cross-attention fusion (text → 49 regions)", VariantArchitecture.CrossAttention, VariantInput.Post, PoolingKind.MaskedMean, false),
        new("d", "text + description, token selection + uniformity", VariantArchitecture.Text, VariantInput.PostAndDescription, PoolingKind.TokenSelection, true),
        new("e", "(d) with mean pooling", VariantArchitecture.Text, VariantInput.PostAndDescription, PoolingKind.MaskedMean, true),
        new("f", "(d) with λ = 0", VariantArchitecture.Text, VariantInput.PostAndDescription, PoolingKind.TokenSelection, false),
        new("g", "(d) with shuffled descriptions", VariantArchitecture.Text, VariantInput.PostAndShuffledDescription, PoolingKind.TokenSelection, true),
    ];

    /// <summary>The variant with <paramref name="key"/>; throws <see cref="ArgumentException"/> listing the keys otherwise.</summary>
    public static ExperimentVariant Find(string key) =>
        All.FirstOrDefault(v => string.Equals(v.Key, key, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown experiment variant '{key}'; expected one of {string.Join(", ", All.Select(v => v.Key))}.", nameof(key));
}
