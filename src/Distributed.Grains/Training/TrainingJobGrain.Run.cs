using System.Security.Cryptography;
using Distributed.Abstractions.Cluster;
using Distributed.Abstractions.Training;
using Distributed.Grains.Cluster;

namespace Distributed.Grains.Training;

public sealed partial class TrainingJobGrain
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SlotPoll = TimeSpan.FromSeconds(1);

    private async Task RunAsync(TrainingJobSpec spec)
    {
        await Task.Yield();
        using var keepAlive = this.RegisterGrainTimer(
            () => Task.CompletedTask,
            new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true, Interleave = true });
        var ct = _cancel.Token;
        var settings = TrainerSession.Settings(spec);
        var suspects = new HashSet<SiloAddress>();
        var resume = spec.Resume;
        try
        {
            while (true)
            {
                try
                {
                    _ring = await FormRingAsync(spec, resume, suspects, ct);
                    _state = TrainingJobState.Running;
                    await DriveAsync(spec, settings.Lambda, settings.Patience, _ring, ct);
                    break;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && IsRecoverable(ex))
                {
                    _state = TrainingJobState.Recovering;
                    // Suspects accumulate: a failure while forming the next ring (no ring to stop) must not let a dead
                    // silo that membership still lists back into it.
                    if (_ring is { } failed)
                    {
                        suspects.UnionWith(await StopAsync(failed));
                    }

                    _ring = null;
                    if (++_restarts > spec.MaxRestarts)
                    {
                        throw new InvalidOperationException($"a trainer failed at step {_step} ({ex.Message}) and the {spec.MaxRestarts} restart(s) allowed are used up", ex);
                    }

                    Event($"a trainer failed at step {_step} ({ex.GetType().Name}: {ex.Message}); rebuilding the ring from the last checkpoint " +
                          $"(step {_lastCheckpoint?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}), restart {_restarts} of {spec.MaxRestarts}");
                    resume = true;
                }
            }

            await FinishAsync(spec, _ring, ct);
            _state = TrainingJobState.Completed;
            Event($"completed: {_step} step(s), {_restarts} restart(s)");
        }
        catch (Exception ex) when (ct.IsCancellationRequested)
        {
            _state = TrainingJobState.Cancelled;
            Event($"cancelled at step {_step} ({ex.GetType().Name})");
        }
        catch (Exception ex)
        {
            _state = TrainingJobState.Failed;
            _error = ex.Message;
            Event($"failed: {ex.Message}");
        }
        finally
        {
            if (_ring is { } ring)
            {
                await StopAsync(ring);
            }
        }
    }

    /// <summary>Bad input (settings, corpus, replicas that differ) fails the job; anything else is a lost trainer.</summary>
    private static bool IsRecoverable(Exception ex) =>
        ex is not (ArgumentException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException or ReplicasDifferException);

    private async Task<TrainingRing> FormRingAsync(TrainingJobSpec spec, bool resume, HashSet<SiloAddress> suspects, CancellationToken ct)
    {
        var slots = await WaitForSlotsAsync(spec, resume, suspects, ct);
        var worldSize = Math.Min(spec.WorldSize, slots.Count);
        if (worldSize < spec.WorldSize)
        {
            Event($"only {slots.Count} trainer slot(s) after waiting {spec.ReplacementWaitSeconds} s: continuing with W = {worldSize} " +
                  $"instead of {spec.WorldSize}; the global batch is unchanged, each trainer takes a larger slice");
        }

        var ringId = Guid.NewGuid();
        var token = RandomNumberGenerator.GetBytes(32);
        var silos = slots.Take(worldSize).ToArray();
        var trainers = silos.Select((silo, rank) => GrainFactory.GetGrain<ITrainerGrain>(NodeKey.For(silo, $"trainer/{JobId}/{ringId:N}/{rank}"))).ToArray();
        _ring = new TrainingRing(trainers, silos, new TrainerReady("", 0, 0, 1, -1, ""));
        var endpoints = await FirstFailureAsync(trainers.Select((trainer, rank) =>
            trainer.PrepareAsync(new TrainerAssignment(JobId, rank, worldSize, ringId, token, spec))));
        var ready = await FirstFailureAsync(trainers.Select((trainer, rank) => trainer.ConnectAsync(endpoints[(rank + 1) % worldSize], resume)));
        if (ready.Select(r => r.Checksum).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            throw new ReplicasDifferException(string.Join(", ", ready.Select((r, rank) => $"rank {rank}: {r.Checksum[..12]}")));
        }

        var first = ready[0];
        _step = first.Step;
        _totalSteps = Math.Min(first.TotalSteps, spec.MaxSteps ?? int.MaxValue);
        if (resume)
        {
            _resumedFrom = first.Step;
            _bestDev = first.BestDevWeightedF1;
            Event($"resumed from step {first.Step} with W = {worldSize}");
        }

        Event($"ring {ringId:N} of {worldSize} trainer(s) on {string.Join(", ", silos.Distinct().Select(s => s.ToParsableString()))} " +
              $"(data plane: {string.Join("/", ready.Select(r => r.DataPlane).Distinct())}); weights checked identical ({first.Checksum[..12]})");
        return new TrainingRing(trainers, silos, first);
    }

    /// <summary>
    /// Trainer slots (one entry per trainer a silo may host), by silo address. After a failure, waits for
    /// <see cref="TrainingJobSpec.WorldSize"/> slots on silos not suspected of the failure, up to the replacement wait.
    /// </summary>
    private async Task<IReadOnlyList<SiloAddress>> WaitForSlotsAsync(TrainingJobSpec spec, bool resume, HashSet<SiloAddress> suspects, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(spec.ReplacementWaitSeconds);
        while (true)
        {
            var nodes = await ClusterInventory.ListNodesAsync(GrainFactory);
            var slots = nodes.Where(n => n.Roles.Contains("trainer"))
                .Select(n => SiloAddress.FromParsableString(n.SiloAddress))
                .Where(s => !suspects.Contains(s))
                .SelectMany(s => Enumerable.Repeat(s, spec.TrainersPerSilo))
                .ToList();
            if (slots.Count >= spec.WorldSize || (DateTimeOffset.UtcNow >= deadline && slots.Count > 0 && resume))
            {
                return slots;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new ArgumentException($"--world-size {spec.WorldSize} needs {spec.WorldSize} trainer slot(s); the cluster has {slots.Count} " +
                    $"({nodes.Count(n => n.Roles.Contains("trainer"))} silo(s) with the trainer role × {spec.TrainersPerSilo} per silo)");
            }

            await Task.Delay(SlotPoll, ct);
        }
    }

    private async Task DriveAsync(TrainingJobSpec spec, double lambda, int patience, TrainingRing ring, CancellationToken ct)
    {
        var perEpoch = ring.Ready.BatchesPerEpoch;
        while (_step < _totalSteps)
        {
            ct.ThrowIfCancellationRequested();
            var reports = await FirstFailureAsync(ring.Trainers.Select(t => t.StepAsync(_step)));
            Record(reports, lambda, ring.WorldSize);
            _step = reports[0].Step;
            var epoch = reports[0].Epoch;
            var epochEnd = _step % perEpoch == 0 || _step == _totalSteps;
            if (epochEnd)
            {
                await EvaluateEpochAsync(spec, ring, epoch);
            }

            if (epochEnd || (spec.CheckpointEverySteps > 0 && _step % spec.CheckpointEverySteps == 0))
            {
                _lastCheckpoint = await ring.Root.CheckpointAsync(_bestDev);
            }

            if (epochEnd && _bestEpoch is { } best && epoch - best >= patience)
            {
                Event($"stopping early after epoch {epoch + 1}: no dev gain for {patience} epoch(s)");
                break;
            }
        }
    }

    private void Record(TrainerStepReport[] reports, double lambda, int worldSize)
    {
        var crossEntropy = reports.Sum(r => r.CrossEntropy);
        var uniformity = reports.Select(r => r.Uniformity).FirstOrDefault(u => u is not null);
        var seconds = reports.Max(r => r.Seconds);
        var allReduce = reports.Max(r => r.AllReduceSeconds);
        _stepSeconds += seconds;
        _allReduceSeconds += allReduce;
        _steps.Add(new TrainingStepRecord(reports[0].Step, reports[0].Epoch, crossEntropy + (lambda * (uniformity ?? 0)), crossEntropy, uniformity,
            reports[0].LearningRate, reports[0].GlobalRows, worldSize, seconds, allReduce,
            [.. reports.Select(r => r.Seconds > 0 ? r.Rows / r.Seconds : 0)]));
    }

    private async Task EvaluateEpochAsync(TrainingJobSpec spec, TrainingRing ring, int epoch)
    {
        if (await ring.Root.EvaluateAsync("dev") is not { } dev)
        {
            return;
        }

        _devByEpoch[epoch] = dev.WeightedF1;
        if (dev.WeightedF1 > _bestDev)
        {
            _bestDev = dev.WeightedF1;
            _bestEpoch = epoch;
            await ring.Root.ExportAsync(ModelFolder(spec));
        }
    }

    /// <summary>Rank 0 takes the best dev epoch's weights (or keeps the last without dev rows) and scores dev and test.</summary>
    private async Task FinishAsync(TrainingJobSpec spec, TrainingRing? ring, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var root = (ring ?? throw new InvalidOperationException("no ring")).Root;
        if (File.Exists(Path.Combine(ModelFolder(spec), "model.json")))
        {
            await root.LoadExportedAsync(ModelFolder(spec));
        }
        else
        {
            await root.ExportAsync(ModelFolder(spec));
        }

        _dev = await root.EvaluateAsync("dev");
        _test = await root.EvaluateAsync("test");
    }

    private static string ModelFolder(TrainingJobSpec spec) => Path.Combine(spec.RunFolder, "model");

    /// <summary>Stops every trainer of a ring; returns the silos that did not answer (suspected dead).</summary>
    private async Task<HashSet<SiloAddress>> StopAsync(TrainingRing ring)
    {
        var outcomes = await Task.WhenAll(ring.Trainers.Select(async (trainer, rank) =>
        {
            try
            {
                await trainer.StopAsync().WaitAsync(StopTimeout);
                return null;
            }
            catch (Exception ex)
            {
                Event($"trainer {rank} on {ring.Silos[rank].ToParsableString()} did not stop ({ex.GetType().Name}); its silo is left out of the next ring");
                return ring.Silos[rank];
            }
        }));
        return [.. outcomes.OfType<SiloAddress>()];
    }

    /// <summary>Awaits every task, but throws as soon as one fails (a rank blocked on a dead peer would never finish).</summary>
    private static async Task<T[]> FirstFailureAsync<T>(IEnumerable<Task<T>> tasks)
    {
        var all = tasks.ToArray();
        var pending = new HashSet<Task<T>>(all);
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            await done;
        }

        return [.. all.Select(t => t.Result)];
    }

    /// <summary>The replicas' weights differ after the broadcast: a bug or corrupt memory, never retried.</summary>
    private sealed class ReplicasDifferException(string checksums)
        : Exception($"the trainers' weights differ after the broadcast from rank 0 ({checksums})");
}
