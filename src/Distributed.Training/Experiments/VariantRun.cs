using Distributed.Learning.Fusion;
using Distributed.Learning.Objectives;
using Distributed.Learning.Text;
using Distributed.Learning.Training;

namespace Distributed.Training.Experiments;

/// <summary>One (variant, seed) run: the seeded model, its training and its test score. Owns the model.</summary>
internal sealed class VariantRun : IDisposable
{
    private readonly ExperimentVariant _variant;
    private readonly int _seed;
    private readonly IReadOnlyList<string> _labels;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<ExperimentRow>> _splits;
    private readonly PairEncoder _encoder;
    private readonly ExperimentOptions _options;

    public VariantRun(
        ExperimentVariant variant, int seed, IReadOnlyList<string> labels,
        IReadOnlyDictionary<string, IReadOnlyList<ExperimentRow>> splits, PairEncoder encoder, ExperimentOptions options)
    {
        (_variant, _seed, _labels, _splits, _encoder, _options) = (variant, seed, labels, splits, encoder, options);
        TrainingSeed.Apply(seed);
        var modelOptions = new AffectModelOptions(labels.Count, variant.Pooling, options.TopK, options.Dropout);
        var bert = options.EncoderFactory();
        Model = variant.Architecture switch
        {
            VariantArchitecture.LateFusion => new LateFusionClassifier(bert, modelOptions),
            VariantArchitecture.CrossAttention => new CrossAttentionFusionClassifier(bert, modelOptions),
            _ => new AffectClassifier(bert, modelOptions),
        };
    }

    /// <summary>The model; after <see cref="Train"/> it holds the best-dev weights.</summary>
    public AffectModel Model { get; }

    /// <summary>Trains on train, early-stops on dev, scores test.</summary>
    public SeedResult Train(int run, int runs, IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken)
    {
        var train = ExperimentEncoding.Encode(_splits[ExperimentSplit.Train], _variant, _encoder);
        var dev = ExperimentEncoding.Encode(_splits[ExperimentSplit.Dev], _variant, _encoder);
        var test = ExperimentEncoding.Encode(_splits[ExperimentSplit.Test], _variant, _encoder);
        var totalSteps = _options.Epochs * ((train.Count + _options.BatchSize - 1) / _options.BatchSize);
        var lambda = _variant.UsesUniformity ? _options.Lambda : 0.0;
        var stepOptions = new TrainingStepOptions(totalSteps, (int)(totalSteps * _options.WarmupRatio), _options.LearningRate);
        using var step = new TrainingStep(Model, new AffectObjective(new AffectObjectiveOptions(lambda)), stepOptions);
        var trainer = new Trainer(Model, step, _labels,
            new TrainerOptions(_options.Epochs, _options.BatchSize, _seed, _options.Patience, _options.EvaluationBatchSize));
        var reporter = new StepReporter(p =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new ExperimentProgress(_variant.Key, _seed, p.Epoch, p.Step + 1, totalSteps, run, runs, p.Loss.Total));
        });
        var summary = trainer.Train(train, dev, reporter);
        var report = ModelEvaluator.Evaluate(Model, test, _labels, _options.EvaluationBatchSize).Report;
        return new SeedResult(_seed, report.Accuracy, report.WeightedF1, report.MacroF1, summary.BestEpoch,
            summary.StoppedEarly, summary.Epochs);
    }

    /// <summary>Disposes the model (and its encoder).</summary>
    public void Dispose() => Model.Dispose();

    /// <summary>Reports synchronously on the training thread (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class StepReporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
