namespace Distributed.Learning.Objectives;

/// <summary>The network that scores each token state for <see cref="TokenSelectionPooler"/>.</summary>
public enum TokenScorerKind
{
    /// <summary>Linear(hidden → 1) (the default).</summary>
    Linear,

    /// <summary>Linear(hidden → hidden/2), GELU, Linear(hidden/2 → 1).</summary>
    Mlp,
}
