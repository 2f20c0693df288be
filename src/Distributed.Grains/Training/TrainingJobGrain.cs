using Distributed.Abstractions.Training;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Distributed.Grains.Training;

/// <summary>
/// The coordinator of a data-parallel training job: places W <see cref="TrainerGrain"/>s on silos with the trainer
/// role (at most <see cref="TrainingJobSpec.TrainersPerSilo"/> each), forms their ring, checks every replica's weight
/// checksum after rank 0's broadcast, drives steps, dev evaluation and rank 0's checkpoints, and — when a trainer
/// fails (its silo died, its connection broke) — stops the ring and rebuilds it from the last checkpoint, on a
/// replacement silo if one appears within <see cref="TrainingJobSpec.ReplacementWaitSeconds"/>, else with fewer
/// trainers (the global batch stays the same; only the slices change). Reentrant, so status and cancel calls are
/// answered while steps run. The job lives in this activation: if the coordinator's own silo dies, start the job
/// again with the same id and it resumes from the last checkpoint.
/// </summary>
[Reentrant]
public sealed partial class TrainingJobGrain(ILocalSiloDetails silo, ILogger<TrainingJobGrain> logger) : Grain, ITrainingJobGrain, IDisposable
{
    private const int MaxEvents = 200;
    private readonly List<TrainingStepRecord> _steps = [];
    private readonly SortedDictionary<int, double> _devByEpoch = [];
    private readonly List<string> _events = [];
    private readonly CancellationTokenSource _cancel = new();
    private TrainingJobSpec? _spec;
    private TrainingJobState _state = TrainingJobState.NotStarted;
    private TrainingRing? _ring;
    private Task? _loop;
    private int _step;
    private int _totalSteps;
    private int _restarts;
    private int? _resumedFrom;
    private int? _lastCheckpoint;
    private int? _bestEpoch;
    private double _bestDev = -1;
    private double _allReduceSeconds;
    private double _stepSeconds;
    private TrainingScores? _dev;
    private TrainingScores? _test;
    private string? _error;

    private string JobId => this.GetPrimaryKeyString();

    public Task<TrainingJobStatus> StartAsync(TrainingJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_state != TrainingJobState.NotStarted)
        {
            return _spec == spec ? GetStatusAsync() : throw new InvalidOperationException(
                $"Training job '{JobId}' already exists with a different spec.");
        }

        spec.Validate();
        TrainerSession.Settings(spec).Validate();
        _spec = spec;
        _state = TrainingJobState.Starting;
        _loop = RunAsync(spec);
        return GetStatusAsync();
    }

    public Task<TrainingJobStatus> GetStatusAsync() => Task.FromResult(new TrainingJobStatus(
        JobId, _state, _step, _totalSteps, _ring?.WorldSize ?? 0, [.. _ring?.Silos.Select(s => s.ToParsableString()) ?? []],
        _restarts, _resumedFrom, _lastCheckpoint, _steps.LastOrDefault(), _allReduceSeconds, _stepSeconds, [.. _devByEpoch.Values],
        _bestEpoch, _dev, _test, [.. _events], _error, silo.SiloAddress.ToParsableString()));

    public Task<IReadOnlyList<TrainingStepRecord>> GetStepsAsync() => Task.FromResult<IReadOnlyList<TrainingStepRecord>>([.. _steps]);

    public async Task<TrainingJobStatus> CancelAsync()
    {
        if (!IsFinished)
        {
            await _cancel.CancelAsync();
            if (_ring is { } ring)
            {
                await StopAsync(ring);
            }
        }

        return await GetStatusAsync();
    }

    public void Dispose() => _cancel.Dispose();

    private bool IsFinished => _state is TrainingJobState.Completed or TrainingJobState.Cancelled or TrainingJobState.Failed;

    private void Event(string message)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Training job {Job}: {Message}", JobId, message);
        }

        _events.Add($"{DateTimeOffset.UtcNow:O} {message}");
        if (_events.Count > MaxEvents)
        {
            _events.RemoveAt(0);
        }
    }
}
