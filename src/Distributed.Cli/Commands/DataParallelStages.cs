using System.CommandLine;
using System.Globalization;
using Distributed.Abstractions.Training;
using Distributed.Cli.Output;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Training;
using Distributed.Training.DataParallel;
using Distributed.Training.Reports;
using Distributed.Training.Runs;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>
/// The data-parallel "train", "evaluate" and "report" stages: the joined corpus is written next to the run, a
/// <see cref="ITrainingJobGrain"/> (id = run id) trains with W trainers — in this process when embedded, on the
/// cluster's trainer silos otherwise — and this process then scores the exported model and writes the run folder as
/// the single-process path does, plus <c>job.json</c> (the job's status and every step's timings).
/// </summary>
public static class DataParallelStages
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Status polls that may fail in a row (about a minute) before the stage fails.</summary>
    private const int MaxUnreachablePolls = 240;

    public static async Task RunAsync(
        ParseResult parse, CommandSummary summary, Reporter reporter, IConfiguration configuration, Distributed.Training.Corpus.TrainingCorpus? corpus,
        TrainRequest request, TrainingJobSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(request);
        summary.Set("run", request.Run);
        summary.Set("run_folder", request.Folder.Path);
        var started = DateTimeOffset.UtcNow;
        await using var session = corpus is null ? null : await ClusterStage.StartAsync(summary, configuration, parse.GetValue(GlobalOptions.Verbose), ct);
        TrainingJobStatus? status = null;
        IReadOnlyList<TrainingStepRecord> steps = [];
        await summary.RunStageAsync("train", async () =>
        {
            var c = corpus ?? throw new InvalidOperationException("no corpus to train on");
            var client = (session ?? throw new InvalidOperationException("no cluster")).Client;
            CorpusSnapshot.Of(c).Write(spec.CorpusPath);
            var job = client.GetGrain<ITrainingJobGrain>(request.Run);
            var planned = Math.Min(RunTrainer.PlannedSteps(request.Settings, c.Split(DataSplit.Train).Count), spec.MaxSteps ?? int.MaxValue);
            reporter.Info($"run {request.Run}: data-parallel, W = {spec.WorldSize} ({spec.TrainersPerSilo} per silo at most), {planned} step(s) at most, " +
                          $"folder {request.Folder.Path}");
            var coordinatorRestarts = 0;
            status = await reporter.WithProgressAsync("train", Math.Max(1, planned), async update =>
            {
                var current = await job.StartAsync(spec);
                using var cancel = ct.Register(() => job.CancelAsync());
                var unreachable = 0;
                while (!current.IsFinished)
                {
                    await Task.Delay(Poll, CancellationToken.None);
                    try
                    {
                        current = await job.GetStatusAsync();
                        unreachable = 0;
                    }
                    catch (Exception ex) when (ex is OrleansException or TimeoutException && ++unreachable < MaxUnreachablePolls)
                    {
                        continue; // the coordinator's silo just died: membership settles within seconds
                    }

                    if (current.State == TrainingJobState.NotStarted && !ct.IsCancellationRequested)
                    {
                        // The coordinator's activation was lost with its silo: a fresh one resumes from the last checkpoint.
                        if (++coordinatorRestarts > spec.MaxRestarts)
                        {
                            throw new InvalidOperationException($"the coordinator of training job {request.Run} was lost {coordinatorRestarts} times");
                        }

                        reporter.Info($"the coordinator of {request.Run} was lost (its silo died); starting it again from the last checkpoint");
                        current = await job.StartAsync(spec with { Resume = true });
                    }

                    update(current.Step, Progress(current));
                }

                return current;
            });
            steps = await job.GetStepsAsync();
            request.Folder.WriteJson("job.json", new { status, steps, coordinator_restarts = coordinatorRestarts });
            SetSummary(summary, status, steps);
            summary.Set("restarts", status.Restarts + coordinatorRestarts);
            summary.Set("coordinator_restarts", coordinatorRestarts);
            ct.ThrowIfCancellationRequested();
            return status.State == TrainingJobState.Completed
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{status.Step} steps on W = {status.WorldSize}, {status.Restarts} restart(s), all-reduce {status.AllReduceSeconds:0.0} s of {status.StepSeconds:0.0} s in steps")
                : throw new InvalidOperationException($"training job {request.Run} {status.State.ToString().ToLowerInvariant()}: {status.Error}");
        });

        RunMetrics? metrics = null;
        await summary.RunStageAsync("evaluate", () =>
        {
            using var model = ModelFolder.Load(request.Folder.Model);
            metrics = RunTrainer.Evaluate(model.Model, model.Encoder, corpus!);
            return Task.FromResult(TrainStages.Scores(summary, metrics));
        });
        await TrainStages.ReportAsync(summary, request, corpus, started, () => (Curves(status!, steps), metrics!));
    }

    private static string Progress(TrainingJobStatus status) => status.LastStep is not { } last
        ? $"train: {status.State.ToString().ToLowerInvariant()}"
        : string.Create(CultureInfo.InvariantCulture,
            $"train: step {last.Step}/{status.TotalSteps}, loss {last.Loss:0.0000}, W {last.WorldSize}, " +
            $"{string.Join("/", last.RankSamplesPerSecond.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} rows/s per rank, " +
            $"all-reduce {last.AllReduceSeconds * 1000:0} ms, {status.Restarts} restart(s)");

    private static void SetSummary(CommandSummary summary, TrainingJobStatus status, IReadOnlyList<TrainingStepRecord> steps)
    {
        summary.Set("job_state", status.State.ToString().ToLowerInvariant());
        summary.Set("world_size", status.WorldSize);
        summary.Set("trainer_silos", status.TrainerSilos);
        summary.Set("steps", status.Step);
        summary.Set("restarts", status.Restarts);
        summary.Set("resumed_from_step", status.ResumedFromStep);
        summary.Set("last_checkpoint_step", status.LastCheckpointStep);
        summary.Set("best_epoch", status.BestEpoch);
        summary.Set("all_reduce_seconds", Math.Round(status.AllReduceSeconds, 3));
        summary.Set("step_seconds", Math.Round(status.StepSeconds, 3));
        summary.Set("all_reduce_share", status.StepSeconds > 0 ? Math.Round(status.AllReduceSeconds / status.StepSeconds, 4) : 0);
        summary.Set("samples_per_second", status.StepSeconds > 0 ? Math.Round(steps.Sum(s => s.GlobalRows) / status.StepSeconds, 2) : 0);
        summary.Set("events", status.Events);
    }

    /// <summary>The run's curves from the job's steps and its dev scores per epoch.</summary>
    private static RunCurves Curves(TrainingJobStatus status, IReadOnlyList<TrainingStepRecord> steps)
    {
        var points = steps.Select(s => new StepPoint(s.Step - 1, s.Epoch, s.Loss, s.CrossEntropy, s.Uniformity, s.LearningRate)).ToList();
        var epochs = status.DevWeightedF1ByEpoch.Select((f1, epoch) => new EpochResult(epoch,
            steps.Where(s => s.Epoch == epoch).Select(s => s.Loss).DefaultIfEmpty(double.NaN).Average(), f1, double.NaN)).ToList();
        var stoppedEarly = status.Step < status.TotalSteps;
        return new RunCurves(points, epochs, status.BestEpoch ?? -1, stoppedEarly);
    }
}
