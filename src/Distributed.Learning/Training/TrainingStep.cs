using Distributed.Learning.Objectives;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Training;

/// <summary>
/// One training step, separate from any loop: <see cref="Accumulate"/> runs forward, the
/// <see cref="AffectObjective"/> and backward for a (micro-)batch, adding to the gradients; <see cref="OptimizerStep"/>
/// clips, steps AdamW under the <see cref="LinearWarmupSchedule"/> and zeroes the gradients. Every call runs in its
/// own dispose scope on the calling thread and leaves no tensors behind. Owns the optimizer, not the model.
/// </summary>
public sealed class TrainingStep : IDisposable
{
    private readonly AffectModel _model;
    private readonly AffectObjective _objective;
    private readonly TrainingStepOptions _options;
    private readonly Parameter[] _parameters;
    private readonly AdamW _optimizer;

    /// <summary>The optimizer, for checkpoints (its state is saved and restored with the model's).</summary>
    internal AdamW Optimizer => _optimizer;

    /// <summary>The model this step trains (for the data-parallel step's feature pre-pass).</summary>
    internal AffectModel Model => _model;

    /// <summary>The objective (the data-parallel step skips the pooled all-gather when its lambda is 0).</summary>
    internal AffectObjective Objective => _objective;

    /// <summary>Creates the step and its AdamW optimizer over all of <paramref name="model"/>'s parameters.</summary>
    public TrainingStep(AffectModel model, AffectObjective objective, TrainingStepOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.LearningRate);
        _model = model;
        _objective = objective;
        _options = options;
        _parameters = [.. model.parameters()];
        _optimizer = optim.AdamW(_parameters, options.LearningRate, options.Beta1, options.Beta2, options.Epsilon,
            options.WeightDecay);
        Schedule = new LinearWarmupSchedule(options.TotalSteps, options.WarmupSteps);
    }

    /// <summary>The learning-rate schedule (its step is the number of optimizer steps taken).</summary>
    public LinearWarmupSchedule Schedule { get; }

    /// <summary>The model's trainable parameters, in <c>parameters()</c> order.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>
    /// Puts the model in training mode, runs forward, the objective with <paramref name="normaliser"/> (the global
    /// batch size) and backward, adding to the parameters' gradients. <paramref name="exchangePooled"/>, when given,
    /// receives this batch's detached pooled rows [B,H] and returns the other ranks' rows for the uniformity term
    /// (it is called synchronously on this thread; it must not await). Returns the loss parts.
    /// </summary>
    public StepLoss Accumulate(TrainingBatch batch, double normaliser, Func<Tensor, Tensor?>? exchangePooled = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(normaliser);
        _model.train();
        using var scope = NewDisposeScope();
        var output = _model.ForwardBatch(batch);
        var others = exchangePooled?.Invoke(output.Pooled.detach());
        var loss = _objective.Compute(output.Logits, batch.Labels, output.Pooled, others, normaliser);
        loss.Total.backward();
        return new StepLoss(loss.Total.item<float>(), loss.CrossEntropy.item<float>(), loss.Uniformity?.item<float>());
    }

    /// <summary>
    /// Clips the gradient norm to <see cref="TrainingStepOptions.MaxGradNorm"/>, sets the scheduled learning rate,
    /// steps AdamW, zeroes the gradients and advances the schedule.
    /// </summary>
    public OptimizerUpdate OptimizerStep()
    {
        using var scope = NewDisposeScope();
        var maxNorm = _options.MaxGradNorm > 0 ? _options.MaxGradNorm : double.PositiveInfinity;
        var norm = nn.utils.clip_grad_norm_(_parameters, maxNorm);
        var step = Schedule.Step;
        var rate = Schedule.Apply(_optimizer, _options.LearningRate);
        _optimizer.step();
        _optimizer.zero_grad();
        Schedule.Advance();
        return new OptimizerUpdate(step, rate, norm);
    }

    /// <summary>Disposes the optimizer (and its state); the model stays with its owner.</summary>
    public void Dispose() => _optimizer.Dispose();
}
