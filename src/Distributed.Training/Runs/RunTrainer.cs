using Distributed.Learning;
using Distributed.Learning.Encoder;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Objectives;
using Distributed.Learning.Text;
using Distributed.Learning.Training;
using Distributed.Training.Corpus;
using Distributed.Training.Reports;

namespace Distributed.Training.Runs;

/// <summary>One optimizer step of the loss curve.</summary>
/// <param name="Step">0-based optimizer step.</param>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="Loss">Total loss.</param>
/// <param name="CrossEntropy">Cross-entropy part.</param>
/// <param name="Uniformity">Uniformity part (before lambda); null when lambda = 0.</param>
/// <param name="LearningRate">Learning rate used.</param>
public sealed record StepPoint(int Step, int Epoch, double Loss, double CrossEntropy, double? Uniformity, double LearningRate);

/// <summary>What <see cref="RunTrainer.Train"/> produced; owns the trained model.</summary>
/// <param name="Model">The classifier holding the best dev weights.</param>
/// <param name="Spec">Its <see cref="ModelSpec"/>.</param>
/// <param name="Encoder">The pair encoder it was trained with.</param>
/// <param name="Summary">The loop's summary (epochs, best epoch, steps).</param>
/// <param name="Steps">Loss per optimizer step.</param>
public sealed record TrainingOutcome(
    AffectClassifier Model, ModelSpec Spec, PairEncoder Encoder, TrainingSummary Summary, IReadOnlyList<StepPoint> Steps) : IDisposable
{
    /// <summary>Disposes the model.</summary>
    public void Dispose() => Model.Dispose();
}

/// <summary>
/// The single-process training path: encode the corpus (post + rendered description), build the classifier on the
/// chosen encoder, run <see cref="Trainer"/> (AdamW, linear warm-up/decay, early stopping on dev weighted F1, best
/// weights restored), then score dev and test. Synchronous on the calling thread (TorchSharp scopes are thread-bound).
/// </summary>
public static class RunTrainer
{
    /// <summary>Evaluation batch size.</summary>
    public const int EvaluationBatch = 64;

    /// <summary>Optimizer steps a run of <paramref name="settings"/> takes at most on <paramref name="trainRows"/> rows.</summary>
    public static int PlannedSteps(TrainingSettings settings, int trainRows)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Epochs * ((trainRows + settings.BatchSize - 1) / settings.BatchSize);
    }

    /// <summary>
    /// Trains on the corpus's train split, early-stopping on dev. Throws <see cref="InvalidDataException"/> when the
    /// train or dev split is empty. <paramref name="progress"/> is called synchronously after every step.
    /// </summary>
    public static TrainingOutcome Train(
        TrainingCorpus corpus, TrainingSettings settings, DescriptionFieldSet fields, string? checkpointFolder = null,
        Action<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var trainRows = corpus.Split(DataSplit.Train);
        var devRows = corpus.Split(DataSplit.Dev);
        RequireRows(trainRows, DataSplit.Train, corpus);
        RequireRows(devRows, DataSplit.Dev, corpus);

        TorchRuntime.SetThreads(settings.Threads);
        TrainingSeed.Apply(settings.Seed);
        var tokenizer = TextTokenizer.MiniLM();
        var encoder = new PairEncoder(tokenizer, settings.MaxLength, settings.PostShare);
        var train = CorpusEncoding.Encode(trainRows, encoder, corpus.Labels)!;
        var dev = CorpusEncoding.Encode(devRows, encoder, corpus.Labels)!;

        var options = new AffectModelOptions(corpus.Labels.Count, settings.Pooling, settings.TopK, settings.Dropout);
        var model = settings.Encoder == EncoderChoice.MiniLM
            ? new AffectClassifier(OnnxBertWeights.LoadMiniLM(), options)
            : new AffectClassifier(SmallConfig(tokenizer.VocabularySize, settings.MaxLength, settings.Dropout), options);
        try
        {
            var total = PlannedSteps(settings, train.Count);
            using var step = new TrainingStep(model, new AffectObjective(new AffectObjectiveOptions(settings.Lambda)),
                StepOptions(settings, total));
            var trainer = new Trainer(model, step, corpus.Labels,
                new TrainerOptions(settings.Epochs, settings.BatchSize, settings.Seed, settings.Patience, EvaluationBatch, checkpointFolder));
            var points = new List<StepPoint>(total);
            var summary = trainer.Train(train, dev, new Reporter(p =>
            {
                points.Add(new StepPoint(p.Step, p.Epoch, p.Loss.Total, p.Loss.CrossEntropy, p.Loss.Uniformity, p.LearningRate));
                progress?.Invoke(p);
            }));
            var spec = new ModelSpec(settings.Encoder == EncoderChoice.MiniLM ? "minilm" : "small", settings.Pooling, settings.TopK,
                options.Scorer, settings.Dropout, settings.MaxLength, settings.PostShare, FieldNames(fields));
            return new TrainingOutcome(model, spec, encoder, summary, points);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Dev and test scores of the trained model (test null when the corpus has no test rows).</summary>
    public static RunMetrics Evaluate(TrainingOutcome outcome, TrainingCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Evaluate(outcome.Model, outcome.Encoder, corpus);
    }

    /// <summary>Dev and test scores of <paramref name="model"/> reading rows through <paramref name="encoder"/>.</summary>
    public static RunMetrics Evaluate(AffectClassifier model, PairEncoder encoder, TrainingCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(corpus);
        var dev = CorpusEncoding.Encode(corpus.Split(DataSplit.Dev), encoder, corpus.Labels)!;
        var test = CorpusEncoding.Encode(corpus.Split(DataSplit.Test), encoder, corpus.Labels);
        return new RunMetrics(
            ModelEvaluator.Evaluate(model, dev, corpus.Labels, EvaluationBatch).Report,
            test is null ? null : ModelEvaluator.Evaluate(model, test, corpus.Labels, EvaluationBatch).Report);
    }

    /// <summary>The optimizer-step options of <paramref name="settings"/> for a run of <paramref name="totalSteps"/> steps.</summary>
    public static TrainingStepOptions StepOptions(TrainingSettings settings, int totalSteps)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TrainingStepOptions(totalSteps, (int)(totalSteps * settings.WarmupShare), settings.LearningRate,
            MaxGradNorm: settings.MaxGradNorm, Epsilon: settings.AdamEpsilon);
    }

    /// <summary>
    /// The small random encoder: <see cref="BertConfig.Small"/> over the vocabulary, positions enough for
    /// <paramref name="maxLength"/>, and the run's dropout inside the encoder too (default 0.1, the config's own).
    /// </summary>
    public static BertConfig SmallConfig(int vocabularySize, int maxLength, double dropout = 0.1) =>
        BertConfig.Small(vocabularySize) with
        {
            MaxPositionEmbeddings = Math.Max(64, maxLength), HiddenDropoutProb = dropout, AttentionProbsDropoutProb = dropout,
        };

    /// <summary>The fields as <see cref="DescriptionRenderer.ParseFields"/> reads them (e.g. <c>ocr,visual_scene,reasoning</c>, or <c>none</c>).</summary>
    public static string FieldNames(DescriptionFieldSet fields)
    {
        var names = new List<string>();
        if (fields.HasFlag(DescriptionFieldSet.Ocr))
        {
            names.Add("ocr");
        }

        if (fields.HasFlag(DescriptionFieldSet.VisualScene))
        {
            names.Add("visual_scene");
        }

        if (fields.HasFlag(DescriptionFieldSet.Reasoning))
        {
            names.Add("reasoning");
        }

        return names.Count == 0 ? "none" : string.Join(",", names);
    }

    private static void RequireRows(IReadOnlyList<CorpusRow> rows, string split, TrainingCorpus corpus)
    {
        if (rows.Count == 0)
        {
            throw new InvalidDataException(
                $"The {split} split of '{corpus.DatasetPath}' is empty after the join ({corpus.Rows.Count} rows kept of " +
                $"{corpus.Counts.Rows}); training needs train and dev rows.");
        }
    }

    /// <summary>A synchronous <see cref="IProgress{T}"/> (Progress&lt;T&gt; would post to another thread).</summary>
    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
