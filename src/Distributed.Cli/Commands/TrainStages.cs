using System.Diagnostics;
using System.Globalization;
using Distributed.Cli.Output;
using Distributed.Learning.Text;
using Distributed.Training.Corpus;
using Distributed.Training.Reports;
using Distributed.Training.Runs;

namespace Distributed.Cli.Commands;

/// <summary>What the train stages need besides the corpus.</summary>
/// <param name="Run">Run id.</param>
/// <param name="Folder">The run folder.</param>
/// <param name="Settings">Training configuration.</param>
/// <param name="Fields">Description fields.</param>
/// <param name="Store">Store location (for provenance).</param>
/// <param name="Options">The corpus options (for provenance).</param>
public sealed record TrainRequest(
    string Run, RunFolder Folder, TrainingSettings Settings, DescriptionFieldSet Fields, string Store, CorpusOptions Options);

/// <summary>The "train", "evaluate" and "report" stages: train on the corpus, score dev and test, write the run folder.</summary>
public static class TrainStages
{
    public static async Task RunAsync(CommandSummary summary, Reporter reporter, TrainingCorpus? corpus, TrainRequest request, CancellationToken ct, string secondsField = "seconds")
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(request);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        TrainingOutcome? outcome = null;
        RunMetrics? metrics = null;
        try
        {
            summary.Set("run", request.Run);
            summary.Set("run_folder", request.Folder.Path);
            await summary.RunStageAsync("train", async () =>
            {
                var c = corpus ?? throw new InvalidOperationException("no corpus to train on");
                var settings = request.Settings;
                var planned = RunTrainer.PlannedSteps(settings, c.Split("train").Count);
                reporter.Info($"run {request.Run}: {settings.Encoder.ToString().ToLowerInvariant()} encoder, {planned} step(s) at most, folder {request.Folder.Path}");
                outcome = await reporter.WithProgressAsync("train", Math.Max(1, planned), update => Task.Run(() =>
                    RunTrainer.Train(c, settings, request.Fields, settings.Checkpoint ? request.Folder.Checkpoints : null, p =>
                    {
                        ct.ThrowIfCancellationRequested();
                        update(p.Step + 1, string.Create(CultureInfo.InvariantCulture,
                            $"train: epoch {p.Epoch + 1}/{settings.Epochs}, loss {p.Loss.Total:0.0000}"));
                    }), ct));
                var s = outcome.Summary;
                var truncated = CorpusEncoding.Truncation(c.Rows, outcome.Encoder);
                summary.Set("truncated", truncated);
                if (truncated.Descriptions + truncated.Posts > 0)
                {
                    reporter.Info($"{truncated.Descriptions} description(s) and {truncated.Posts} post(s) were longer than their share of " +
                                  $"{truncated.MaxLength} tokens and were truncated (raise --max-length or change --post-share to keep more)");
                }

                summary.Set("epochs_run", s.Epochs.Count);
                summary.Set("steps", s.Steps);
                summary.Set("best_epoch", s.BestEpoch);
                summary.Set("stopped_early", s.StoppedEarly);
                return string.Create(CultureInfo.InvariantCulture,
                    $"{s.Epochs.Count} epoch(s), {s.Steps} steps, best epoch {s.BestEpoch + 1} (dev weighted F1 {s.BestDevWeightedF1:0.000})");
            });
            await summary.RunStageAsync("evaluate", () =>
            {
                metrics = RunTrainer.Evaluate(outcome!, corpus!);
                return Task.FromResult(Scores(summary, metrics));
            });
            await ReportAsync(summary, request, corpus, started, () =>
            {
                ModelFolder.Export(request.Folder.Model, outcome!.Model, corpus!.Labels, outcome.Spec);
                var s = outcome.Summary;
                return (new RunCurves(outcome.Steps, s.Epochs, s.BestEpoch, s.StoppedEarly), metrics!);
            });
        }
        finally
        {
            outcome?.Dispose();
            summary.Set(secondsField, Math.Round(clock.Elapsed.TotalSeconds, 3));
        }
    }

    /// <summary>
    /// The "report" stage (skipped after a failed stage): <paramref name="results"/> (which may export the model first),
    /// then metrics, curves, plots and provenance.
    /// </summary>
    public static Task ReportAsync(
        CommandSummary summary, TrainRequest request, TrainingCorpus? corpus, DateTimeOffset started, Func<(RunCurves Curves, RunMetrics Metrics)> results)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(request);
        return summary.RunStageAsync("report", () =>
        {
            ArgumentNullException.ThrowIfNull(corpus);
            var (curves, metrics) = results();
            var plots = request.Folder.WriteReport(curves, metrics);
            request.Folder.WriteJson("provenance.json", new Provenance(
                request.Run, corpus.DatasetPath, Provenance.Fingerprint(corpus), request.Store,
                request.Options.Describer.DescriberId, request.Options.Describer.PromptVersion, request.Options.Missing.Name(),
                corpus.Counts, corpus.SplitCounts, corpus.Labels, RunTrainer.FieldNames(request.Fields), request.Settings,
                Provenance.CodeVersionNow(), MachineInfo.Current(), started, DateTimeOffset.UtcNow));
            summary.Set("plots", plots);
            summary.Set("model", request.Folder.Model);
            return Task.FromResult<string?>($"model, metrics, curves, provenance and plots in {request.Folder.Path}");
        });
    }

    /// <summary>The "evaluate" stage's summary fields and line.</summary>
    public static string? Scores(CommandSummary summary, RunMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(metrics);
        summary.Set("dev_weighted_f1", Math.Round(metrics.Dev.WeightedF1, 6));
        if (metrics.Test is { } test)
        {
            summary.Set("accuracy", Math.Round(test.Accuracy, 6));
            summary.Set("weighted_f1", Math.Round(test.WeightedF1, 6));
            summary.Set("macro_f1", Math.Round(test.MacroF1, 6));
        }

        return metrics.Test is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"test: accuracy {t.Accuracy:0.000}, weighted F1 {t.WeightedF1:0.000}, macro F1 {t.MacroF1:0.000} ({t.Count} rows); dev weighted F1 {metrics.Dev.WeightedF1:0.000}")
            : string.Create(CultureInfo.InvariantCulture, $"no test rows; dev weighted F1 {metrics.Dev.WeightedF1:0.000}");
    }
}
