using TorchSharp;

namespace Distributed.Learning.Training;

/// <summary>
/// Linear warm-up then linear decay (Hugging Face's <c>get_linear_schedule_with_warmup</c>): optimizer step s uses
/// base_lr * s / warmup while s &lt; warmup, then base_lr * (total - s) / (total - warmup), never below 0.
/// Its only state is <see cref="Step"/>, the number of optimizer steps taken.
/// </summary>
public sealed class LinearWarmupSchedule
{
    /// <summary>Creates the schedule for <paramref name="totalSteps"/> optimizer steps, the first <paramref name="warmupSteps"/> warming up.</summary>
    public LinearWarmupSchedule(int totalSteps, int warmupSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupSteps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(warmupSteps, totalSteps);
        TotalSteps = totalSteps;
        WarmupSteps = warmupSteps;
    }

    /// <summary>Optimizer steps in the run.</summary>
    public int TotalSteps { get; }

    /// <summary>Steps of linear warm-up from 0.</summary>
    public int WarmupSteps { get; }

    /// <summary>Optimizer steps taken so far, i.e. the index of the next step (0 at the start).</summary>
    public int Step { get; private set; }

    /// <summary>The factor on the base learning rate for 0-based optimizer step <paramref name="step"/>.</summary>
    public double Multiplier(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step < WarmupSteps)
        {
            return (double)step / WarmupSteps;
        }

        return Math.Max(0.0, (double)(TotalSteps - step) / Math.Max(1, TotalSteps - WarmupSteps));
    }

    /// <summary>Sets base * <see cref="Multiplier"/>(<see cref="Step"/>) on every param group; returns that rate.</summary>
    public double Apply(torch.optim.Optimizer optimizer, double baseLearningRate)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var rate = baseLearningRate * Multiplier(Step);
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = rate;
        }

        return rate;
    }

    /// <summary>Moves to the next optimizer step.</summary>
    public void Advance() => Step++;

    /// <summary>Resumes at <paramref name="step"/> (e.g. from a checkpoint).</summary>
    public void Restore(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        Step = step;
    }
}
