using static TorchSharp.torch;

namespace Distributed.Learning.Training;

/// <summary>
/// The single-process loop: per epoch, seeded shuffled batches through <see cref="TrainingStep.Accumulate"/>
/// (normaliser = batch rows) and <see cref="TrainingStep.OptimizerStep"/>, then a dev evaluation. Keeps the best
/// weights by dev weighted F1, stops after <see cref="TrainerOptions.Patience"/> evaluations without improvement,
/// and restores the best weights at the end. Runs synchronously on the calling thread.
/// </summary>
public sealed class Trainer
{
    private readonly AffectModel _model;
    private readonly TrainingStep _trainingStep;
    private readonly IReadOnlyList<string> _labels;
    private readonly TrainerOptions _options;

    /// <summary>Creates a loop over <paramref name="model"/> stepped by <paramref name="trainingStep"/>; <paramref name="labels"/> name the classes.</summary>
    public Trainer(AffectModel model, TrainingStep trainingStep, IReadOnlyList<string> labels, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainingStep);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (labels.Count != model.Options.Classes)
        {
            throw new ArgumentException($"{labels.Count} labels given for a model of {model.Options.Classes} classes.", nameof(labels));
        }

        _model = model;
        _trainingStep = trainingStep;
        _labels = labels;
        _options = options;
    }

    /// <summary>Trains on <paramref name="train"/>, evaluating on <paramref name="dev"/> after every epoch.</summary>
    public TrainingSummary Train(EncodedDataset train, EncodedDataset dev, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        train.RequireLabelsBelow(_labels.Count, nameof(train));
        dev.RequireLabelsBelow(_labels.Count, nameof(dev));
        var sampler = new EpochSampler(train.Count, _options.BatchSize, _options.Seed);
        var epochs = new List<EpochResult>();
        var best = ModelState.Snapshot(_model);
        var (bestEpoch, bestF1, sinceBest, steps) = (-1, -1.0, 0, 0);
        try
        {
            for (var epoch = 0; epoch < _options.Epochs; epoch++)
            {
                var losses = new List<double>();
                var batchIndex = 0;
                foreach (var indices in sampler.RemainingBatches())
                {
                    using var scope = NewDisposeScope();
                    var loss = _trainingStep.Accumulate(train.Batch(indices), indices.Length);
                    var update = _trainingStep.OptimizerStep();
                    losses.Add(loss.Total);
                    steps++;
                    progress?.Report(new TrainingProgress(epoch, batchIndex++, update.Step, loss, update.LearningRate));
                }

                var report = ModelEvaluator.Evaluate(_model, dev, _labels, _options.EvaluationBatchSize).Report;
                epochs.Add(new EpochResult(epoch, losses.Average(), report.WeightedF1, report.Accuracy));
                if (report.WeightedF1 > bestF1)
                {
                    (bestEpoch, bestF1, sinceBest) = (epoch, report.WeightedF1, 0);
                    ModelState.Replace(best, _model);
                }
                else
                {
                    sinceBest++;
                }

                SaveCheckpoint(sampler, steps, bestF1);
                if (sinceBest >= _options.Patience && epoch + 1 < _options.Epochs)
                {
                    return Finish(best, epochs, bestEpoch, bestF1, stoppedEarly: true, steps);
                }
            }

            return Finish(best, epochs, bestEpoch, bestF1, stoppedEarly: false, steps);
        }
        finally
        {
            ModelState.DisposeAll(best);
        }
    }

    private TrainingSummary Finish(
        Dictionary<string, Tensor> best, List<EpochResult> epochs, int bestEpoch, double bestF1, bool stoppedEarly, int steps)
    {
        ModelState.LoadInto(_model, best);
        return new TrainingSummary(epochs, bestEpoch, bestF1, stoppedEarly, steps);
    }

    private void SaveCheckpoint(EpochSampler sampler, int steps, double bestF1)
    {
        if (_options.CheckpointFolder is { } folder)
        {
            var position = sampler.Position;
            var state = new TrainerState(steps, position.Epoch, position.BatchIndex, _trainingStep.Schedule.Step, _options.Seed, bestF1);
            TrainingCheckpoint.Save(folder, _model, _trainingStep, state);
        }
    }
}
