using Distributed.Learning.Objectives;

namespace Distributed.Learning.Training;

/// <summary>Shape of the classifier on top of the encoder.</summary>
/// <param name="Classes">Number of affect classes C (at least 2).</param>
/// <param name="Pooling">How token states become one vector; default <see cref="PoolingKind.TokenSelection"/>.</param>
/// <param name="TopK">Tokens kept by token selection; default 16 (ignored by the other poolers).</param>
/// <param name="Dropout">Dropout on the pooled features before the head; default 0.1.</param>
/// <param name="Scorer">Token scorer of token selection; default <see cref="TokenScorerKind.Linear"/>.</param>
public sealed record AffectModelOptions(
    int Classes,
    PoolingKind Pooling = PoolingKind.TokenSelection,
    int TopK = 16,
    double Dropout = 0.1,
    TokenScorerKind Scorer = TokenScorerKind.Linear)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Classes, 2, nameof(Classes));
        ArgumentOutOfRangeException.ThrowIfLessThan(TopK, 1, nameof(TopK));
        if (Dropout is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
        }
    }
}
