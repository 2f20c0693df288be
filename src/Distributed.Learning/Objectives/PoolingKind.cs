namespace Distributed.Learning.Objectives;

/// <summary>How the encoder's token states [B,T,H] become one feature vector per example.</summary>
public enum PoolingKind
{
    /// <summary>Learned top-K semantic token selection (the default; see <see cref="TokenSelectionPooler"/>).</summary>
    TokenSelection,

    /// <summary>The first token's state (ablation).</summary>
    Cls,

    /// <summary>Mean of the real (non-padding) token states (ablation).</summary>
    MaskedMean,
}
