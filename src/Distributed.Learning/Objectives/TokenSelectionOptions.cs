namespace Distributed.Learning.Objectives;

/// <summary>Options of <see cref="TokenSelectionPooler"/>.</summary>
/// <param name="TopK">How many real tokens to keep per example; default 16.</param>
/// <param name="Scorer">The token scorer; default <see cref="TokenScorerKind.Linear"/>.</param>
public sealed record TokenSelectionOptions(int TopK = 16, TokenScorerKind Scorer = TokenScorerKind.Linear);
