using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Distributed.Cli.Output;
using Distributed.Hosting.Options;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Training;
using Distributed.Training.Corpus;
using Distributed.Training.Reports;
using Distributed.Training.Runs;

namespace Distributed.Cli.Commands;

/// <summary><c>distributed eval &lt;model|run&gt; &lt;dataset&gt;</c>: score a trained model on a dataset's split.</summary>
public static class EvalCommand
{
    private static readonly Argument<string> Model = new("model") { Description = "Model folder, run folder, or run id" };
    private static readonly Argument<string> Dataset = new("dataset") { Description = "Manifest or folder with train/dev/test.jsonl" };
    private static readonly Option<string> On = new("--on") { Description = "Rows to score: test, dev, train or all", DefaultValueFactory = _ => "test" };
    private static readonly Option<string?> Output = new("--output", "-o") { Description = "Folder for metrics.json and confusion_matrix.png (default <data root>/evals/eval-<time>)" };

    public static Command Create()
    {
        var command = new Command("eval", "Evaluate a trained model on a dataset (metrics JSON and confusion-matrix plot)") { Model, Dataset, On, Output };
        foreach (var option in CorpusOptionsCli.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "eval", async (configuration, reporter, summary) =>
        {
            var split = ParseOn(parse.GetValue(On)!);
            var loaded = await ModelArgument.LoadStageAsync(summary, parse.GetValue(Model)!, configuration);
            if (loaded is null)
            {
                return;
            }

            using var model = loaded;
            var options = CorpusOptionsCli.Build(parse, configuration, model.Renderer.Fields, model.Labels);
            var corpus = await CorpusStage.RunAsync(summary, reporter, configuration, parse.GetValue(Dataset)!, parse.GetValue(CorpusOptionsCli.Store), options, ct);
            await summary.RunStageAsync("evaluate", () =>
            {
                var rows = Select(corpus!, split);
                var data = CorpusEncoding.Encode(rows, model.Encoder, model.Labels)
                    ?? throw new InvalidDataException($"--on {split}: the dataset has no {split} rows to evaluate");
                var report = ModelEvaluator.Evaluate(model.Model, data, model.Labels, RunTrainer.EvaluationBatch).Report;
                var output = Path.GetFullPath(parse.GetValue(Output) ?? Path.Combine(
                    configuration.ReadSection<DataRootOptions>().FullRoot, "evals", $"eval-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}"));
                Directory.CreateDirectory(output);
                var metricsFile = Path.Combine(output, "metrics.json");
                File.WriteAllText(metricsFile, report.ToJson());
                var plot = Path.Combine(output, RunPlots.ConfusionMatrixFile);
                RunPlots.ConfusionMatrix(plot, report, $"Confusion matrix ({split})");
                summary.Set("on", split);
                summary.Set("evaluated", report.Count);
                summary.Set("accuracy", Math.Round(report.Accuracy, 6));
                summary.Set("weighted_f1", Math.Round(report.WeightedF1, 6));
                summary.Set("macro_f1", Math.Round(report.MacroF1, 6));
                summary.Set("metrics", JsonDocument.Parse(report.ToJson()).RootElement);
                summary.Set("metrics_file", metricsFile);
                summary.Set("plots", new[] { plot });
                return Task.FromResult<string?>(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Count} {split} rows: accuracy {report.Accuracy:0.000}, weighted F1 {report.WeightedF1:0.000}, macro F1 {report.MacroF1:0.000}"));
            });
        }));
        return command;
    }

    public static string ParseOn(string value) => value.Trim().ToLowerInvariant() switch
    {
        "test" => DataSplit.Test,
        "dev" => DataSplit.Dev,
        "train" => DataSplit.Train,
        "all" => "all",
        _ => throw new ArgumentException($"--on '{value}': must be test, dev, train or all"),
    };

    public static IReadOnlyList<CorpusRow> Select(TrainingCorpus corpus, string split) =>
        split == "all" ? corpus.Rows : corpus.Split(split);
}
