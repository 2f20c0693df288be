using System.CommandLine;
using System.Text.Json;
using Distributed.Cli.Output;
using Distributed.Training.Runs;

namespace Distributed.Cli.Commands;

/// <summary><c>distributed predict &lt;model|run&gt; &lt;dataset&gt;</c>: one JSON line per row with its label and class probabilities.</summary>
public static class PredictCommand
{
    private static readonly Argument<string> Model = new("model") { Description = "Model folder, run folder, or run id" };
    private static readonly Argument<string> Dataset = new("dataset") { Description = "Manifest or folder with train/dev/test.jsonl (labels not needed)" };
    private static readonly Option<string> On = new("--on") { Description = "Rows to predict: all, test, dev or train", DefaultValueFactory = _ => "all" };
    private static readonly Option<string> Output = new("--output", "-o") { Description = "JSONL file to write", DefaultValueFactory = _ => "predictions.jsonl" };

    public static Command Create()
    {
        var command = new Command("predict", "Predict labels and class probabilities for a dataset's rows") { Model, Dataset, On, Output };
        foreach (var option in CorpusOptionsCli.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "predict", async (configuration, reporter, summary) =>
        {
            var split = EvalCommand.ParseOn(parse.GetValue(On)!);
            var loaded = await ModelArgument.LoadStageAsync(summary, parse.GetValue(Model)!, configuration);
            if (loaded is null)
            {
                return;
            }

            using var model = loaded;
            var options = CorpusOptionsCli.Build(parse, configuration, model.Renderer.Fields, model.Labels) with { LabelsRequired = false };
            var corpus = await CorpusStage.RunAsync(summary, reporter, configuration, parse.GetValue(Dataset)!,
                parse.GetValue(CorpusOptionsCli.Store), options, ct);
            await summary.RunStageAsync("predict", async () =>
            {
                var rows = EvalCommand.Select(corpus!, split);
                var data = CorpusEncoding.Encode(rows, model.Encoder, model.Labels)
                    ?? throw new InvalidDataException($"--on {split}: the dataset has no {split} rows to predict");
                var probabilities = ModelInference.Probabilities(model.Model, data, RunTrainer.EvaluationBatch);
                var predicted = ModelInference.Argmax(probabilities);
                var path = Path.GetFullPath(parse.GetValue(Output)!);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using (var writer = new StreamWriter(path))
                {
                    for (var i = 0; i < rows.Count; i++)
                    {
                        var line = new PredictionLine(rows[i].Id, model.Labels[predicted[i]], rows[i].Split,
                            model.Labels.Select((l, c) => (l, c)).ToDictionary(p => p.l, p => Math.Round((double)probabilities[i][p.c], 6)),
                            JsonNamingPolicy.SnakeCaseLower.ConvertName(rows[i].DescriptionStatus.ToString()));
                        await writer.WriteLineAsync(JsonSerializer.Serialize(line, CommandSummary.Json));
                    }
                }

                summary.Set("predictions", path);
                summary.Set("predicted", rows.Count);
                return $"{rows.Count} row(s) to {path}";
            });
        }));
        return command;
    }

    private sealed record PredictionLine(string Id, string Label, string Split, IReadOnlyDictionary<string, double> Probabilities, string Description);
}
