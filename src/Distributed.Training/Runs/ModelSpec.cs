using Distributed.Learning.Objectives;

namespace Distributed.Training.Runs;

/// <summary>
/// How an exported model reads its input and pools (<c>model.json</c>): what a loader needs besides the weights,
/// config and vocabulary to reproduce the training-time encoding.
/// </summary>
/// <param name="Encoder">The starting encoder (<c>minilm</c> or <c>small</c>).</param>
/// <param name="Pooling">Pooling kind.</param>
/// <param name="TopK">Tokens kept by token selection.</param>
/// <param name="Scorer">Token scorer of token selection.</param>
/// <param name="Dropout">Dropout before the head (inactive at inference).</param>
/// <param name="MaxLength">Tokens per row.</param>
/// <param name="PostShare">Share of the token budget promised to the post.</param>
/// <param name="Fields">Description fields rendered (comma-separated: ocr, visual_scene, reasoning).</param>
/// <param name="LowerCase">Whether the WordPiece tokenizer lower-cases and strips accents.</param>
/// <param name="FormatVersion">Version of this folder layout (1).</param>
public sealed record ModelSpec(
    string Encoder,
    PoolingKind Pooling,
    int TopK,
    TokenScorerKind Scorer,
    double Dropout,
    int MaxLength,
    double PostShare,
    string Fields,
    bool LowerCase = true,
    int FormatVersion = 1);
