using System.Diagnostics;
using Distributed.Learning;
using Distributed.Learning.Collective;
using Distributed.Learning.Encoder;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Objectives;
using Distributed.Learning.Text;
using Distributed.Learning.Training;
using Distributed.Learning.Training.DataParallel;
using Distributed.Training.Runs;
using TorchSharp.Modules;

namespace Distributed.Training.DataParallel;

/// <summary>
/// One rank of a data-parallel run: its model replica, AdamW, <see cref="DistributedSampler"/> and
/// <see cref="DataParallelStep"/>, with the pooled-feature all-gather and the gradient all-reduce both on one
/// <see cref="IRingTransport"/>. The position in the run is the optimizer step alone (epoch = step / batches per
/// epoch), since the global batches depend on (rows, global batch, seed) and not on W: a run can resume from a
/// checkpoint with a different world size and the same global batches.
/// </summary>
/// <remarks>
/// Methods run on the caller's thread and must not overlap; <see cref="InitializeAsync"/> and <see cref="StepAsync"/>
/// are collective (every rank calls them, in the same order). The model's random initialisation uses libtorch's
/// process-wide generator seeded with the run's seed, one replica of the process at a time, so rank 0's weights depend
/// only on the seed; other ranks' initial weights are overwritten by rank 0's before the first step. With dropout &gt; 0 and several replicas in one process, the replicas
/// draw dropout masks from that shared generator, so such runs are not bit-reproducible (dropout 0 runs are).
/// </remarks>
public sealed class ReplicaTrainer : IDisposable
{
    private readonly CorpusSnapshot _corpus;
    private readonly TrainingSettings _settings;
    private readonly ReplicaOptions _options;
    private readonly RingAllReduce _ring;
    private readonly PairEncoder _encoder;
    private readonly EncodedDataset _train;
    private readonly AffectClassifier _model;
    private readonly TrainingStep _step;
    private readonly DistributedSampler _sampler;
    private readonly DataParallelStep _parallel;
    private readonly Stopwatch _allReduceClock = new();

    /// <summary>Seeding and random initialisation draw from libtorch's one generator: one replica of this process at a time.</summary>
    private static readonly Lock Initialisation = new();

    private ReplicaTrainer(CorpusSnapshot corpus, TrainingSettings settings, ReplicaOptions options, IRingTransport transport)
    {
        _corpus = corpus;
        _settings = settings;
        _options = options;
        _ring = new RingAllReduce(transport);
        var tokenizer = TextTokenizer.MiniLM();
        _encoder = new PairEncoder(tokenizer, settings.MaxLength, settings.PostShare);
        _train = CorpusEncoding.Encode(corpus.Split(DataSplit.Train), _encoder, corpus.Labels)
            ?? throw new InvalidDataException($"The corpus of '{corpus.DatasetPath}' has no train rows.");
        _train.RequireLabelsBelow(corpus.Labels.Count, "train");
        var modelOptions = new AffectModelOptions(corpus.Labels.Count, settings.Pooling, settings.TopK, settings.Dropout);
        lock (Initialisation)
        {
            TrainingSeed.Apply(settings.Seed);
            _model = settings.Encoder == EncoderChoice.MiniLM
                ? new AffectClassifier(OnnxBertWeights.LoadMiniLM(), modelOptions)
                : new AffectClassifier(RunTrainer.SmallConfig(tokenizer.VocabularySize, settings.MaxLength, settings.Dropout), modelOptions);
        }

        _sampler = new DistributedSampler(_train.Count, settings.BatchSize, options.WorldSize, options.Rank, settings.Seed);
        TotalSteps = settings.Epochs * _sampler.BatchesPerEpoch;
        _step = new TrainingStep(_model, new AffectObjective(new AffectObjectiveOptions(settings.Lambda)), RunTrainer.StepOptions(settings, TotalSteps));
        _parallel = new DataParallelStep(_step, _train, new RingPooledExchange(_ring), AllReduceAsync, options.MicroBatchRows);
    }

    /// <summary>Optimizer steps taken so far.</summary>
    public int Step { get; private set; }

    /// <summary>Optimizer steps of the whole run (epochs × global batches per epoch).</summary>
    public int TotalSteps { get; }

    /// <summary>Global batches (steps) per epoch.</summary>
    public int BatchesPerEpoch => _sampler.BatchesPerEpoch;

    /// <summary>The run's description for a model export.</summary>
    public ModelSpec Spec(string fields) => new(_settings.Encoder == EncoderChoice.MiniLM ? "minilm" : "small", _settings.Pooling,
        _settings.TopK, _model.Options.Scorer, _settings.Dropout, _settings.MaxLength, _settings.PostShare, fields);

    /// <summary>Builds the replica of <paramref name="options"/>'s rank (encodes the train split, builds the model and optimizer).</summary>
    public static ReplicaTrainer Create(CorpusSnapshot corpus, TrainingSettings settings, ReplicaOptions options, IRingTransport transport)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transport);
        settings.Validate();
        options.Validate();
        if (transport.Rank != options.Rank || transport.WorldSize != options.WorldSize)
        {
            throw new ArgumentException($"The transport is rank {transport.Rank} of {transport.WorldSize}, the replica rank {options.Rank} of {options.WorldSize}.");
        }

        if (settings.Threads > 0)
        {
            TorchRuntime.SetThreads(settings.Threads);
        }

        return new ReplicaTrainer(corpus, settings, options, transport);
    }

    /// <summary>
    /// Collective: loads <paramref name="checkpoint"/> (a folder written by <see cref="SaveCheckpoint"/>) when given,
    /// then overwrites every replica's weights with rank 0's. Returns the checksum of the weights now held and the
    /// checkpoint's loop state (null without one). Optimizer state comes from the checkpoint on every rank.
    /// </summary>
    public async Task<(string Checksum, TrainerState? State)> InitializeAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        TrainerState? state = null;
        if (checkpoint is not null)
        {
            state = TrainingCheckpoint.Load(checkpoint, _model, _step);
            Step = state.Step;
        }

        await ReplicaWeights.BroadcastAsync(_step.Parameters, _ring, root: 0, cancellationToken).ConfigureAwait(false);
        return (Checksum(), state);
    }

    /// <summary>Collective: this rank's slice of the next global batch through forward, backward, all-reduce and AdamW.</summary>
    public async Task<ReplicaStepResult> StepAsync(CancellationToken cancellationToken)
    {
        if (Step >= TotalSteps)
        {
            throw new InvalidOperationException($"The run has {TotalSteps} steps; all were taken.");
        }

        var (epoch, index) = (Step / BatchesPerEpoch, Step % BatchesPerEpoch);
        var batch = _sampler.RankBatchAt(epoch, index);
        var clock = Stopwatch.StartNew();
        _allReduceClock.Reset();
        var update = await _parallel.RunAsync(batch, cancellationToken).ConfigureAwait(false);
        Step++;
        return new ReplicaStepResult(Step, epoch, batch.Rows.Length, batch.GlobalSize, update.Loss.CrossEntropy, update.Loss.Uniformity,
            update.Update.LearningRate, update.Update.GradientNorm, clock.Elapsed.TotalSeconds, _allReduceClock.Elapsed.TotalSeconds);
    }

    /// <summary>SHA-256 of this replica's weights.</summary>
    public string Checksum() => ReplicaWeights.Checksum(_step.Parameters);

    /// <summary>Writes a checkpoint of the current step under <paramref name="folder"/> and returns its path.</summary>
    public string SaveCheckpoint(string folder, double bestDevWeightedF1) =>
        TrainingCheckpoint.Save(folder, _model, _step,
            new TrainerState(Step, Step / BatchesPerEpoch, Step % BatchesPerEpoch, _step.Schedule.Step, _settings.Seed, bestDevWeightedF1));

    /// <summary>Scores the current weights on <paramref name="split"/>; null when the corpus has no such rows.</summary>
    public ClassificationReport? Evaluate(string split)
    {
        var data = CorpusEncoding.Encode(_corpus.Split(split), _encoder, _corpus.Labels);
        return data is null ? null : ModelEvaluator.Evaluate(_model, data, _corpus.Labels, RunTrainer.EvaluationBatch).Report;
    }

    /// <summary>Exports the current weights as a model folder (<see cref="ModelFolder"/>).</summary>
    public void Export(string folder, string fields) => ModelFolder.Export(folder, _model, _corpus.Labels, Spec(fields));

    /// <summary>Replaces the current weights with those of an exported model folder (the best epoch's, at the end).</summary>
    public void LoadExported(string folder)
    {
        var weights = SafetensorsFile.ReadFloatTensors(Path.Combine(folder, SafetensorsBertWeights.WeightsFileName));
        try
        {
            ModelState.LoadInto(_model, weights);
        }
        finally
        {
            ModelState.DisposeAll(weights);
        }
    }

    /// <summary>The replica's parameters (for tests and diagnostics).</summary>
    public IReadOnlyList<Parameter> Parameters => _step.Parameters;

    /// <summary>Disposes the optimizer and the model.</summary>
    public void Dispose()
    {
        _step.Dispose();
        _model.Dispose();
    }

    private async Task AllReduceAsync(IReadOnlyList<Parameter> parameters, CancellationToken cancellationToken)
    {
        _allReduceClock.Start();
        try
        {
            await GradientBuckets.AllReduceGradientsAsync(parameters, _ring, _options.BucketBytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _allReduceClock.Stop();
        }
    }
}
