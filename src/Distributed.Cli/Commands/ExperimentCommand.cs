using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Distributed.Cli.Output;
using Distributed.Hosting.Options;
using Distributed.Learning;
using Distributed.Learning.Text;
using Distributed.Training.Corpus;
using Distributed.Training.Experiments;
using Distributed.Training.Runs;
using Distributed.Training.Vision;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>
/// <c>distributed experiment &lt;dataset&gt;</c>: the paper's controlled comparison on one dataset — variants (a) text
/// only, (b) late fusion, (c) cross-attention fusion, (d) the method, (e)–(f) its ablations and (g) shuffled
/// descriptions — over several seeds, with the alignment diagnostics; writes a Markdown + JSON table and plots.
/// </summary>
public static class ExperimentCommand
{
    private static readonly Argument<string> Dataset = new("dataset") { Description = "Manifest (.jsonl, .csv, .parquet) or folder with train/dev/test.jsonl" };
    private static readonly Option<int> Seeds = new("--seeds") { Description = "Number of seeds (1, 2, ... N)", DefaultValueFactory = _ => 3 };
    private static readonly Option<string?> Variants = new("--variants") { Description = "Variants to run, e.g. a,d,g (default all: a-g)" };
    private static readonly Option<string> Fields = new("--fields") { Description = "Description fields: ocr, visual_scene, reasoning (comma-separated), all", DefaultValueFactory = _ => "all" };
    private static readonly Option<string?> Encoder = new("--encoder") { Description = "minilm (pretrained) or small (tiny random BERT); default Training:Encoder (minilm)" };
    private static readonly Option<int?> Epochs = new("--epochs") { Description = "Maximum epochs per run; default Training:Epochs (3)" };
    private static readonly Option<int?> BatchSize = new("--batch-size") { Description = "Rows per optimizer step; default Training:BatchSize (32)" };
    private static readonly Option<int?> MaxLength = new("--max-length") { Description = "Tokens per row; default Training:MaxLength (128)" };
    private static readonly Option<double> LearningRate = new("--lr") { Description = "Peak AdamW learning rate", DefaultValueFactory = _ => 5e-5 };
    private static readonly Option<int> TopK = new("--top-k") { Description = "Tokens kept by token selection", DefaultValueFactory = _ => 16 };
    private static readonly Option<double> Lambda = new("--lambda") { Description = "Uniformity weight of (d), (e), (g)", DefaultValueFactory = _ => 0.1 };
    private static readonly Option<int> Patience = new("--patience") { Description = "Epochs without a dev weighted-F1 gain before stopping", DefaultValueFactory = _ => 2 };
    private static readonly Option<int> Threads = new("--threads") { Description = "libtorch intra-op threads (0 = libtorch's default, one per core)", DefaultValueFactory = _ => 0 };
    private static readonly Option<string?> Id = new("--id") { Description = "Experiment id (default experiment-<time>-<random>)" };

    public static Command Create()
    {
        var command = new Command("experiment", "Run the controlled comparison (a)-(g) over seeds: Markdown + JSON table, plots, alignment diagnostics")
        {
            Dataset, Seeds, Variants, Fields, Encoder, Epochs, BatchSize, MaxLength, LearningRate, TopK, Lambda, Patience, Threads, Id,
        };
        foreach (var option in CorpusOptionsCli.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "experiment", async (configuration, reporter, summary) =>
        {
            var options = Options(parse, configuration);
            var root = configuration.ReadSection<DataRootOptions>().FullRoot;
            var id = parse.GetValue(Id) ?? $"experiment-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
            var folder = Path.Combine(root, "experiments", id);
            summary.Set("experiment", id);
            summary.Set("folder", folder);
            var fields = TrainCommand.ParseFields(parse.GetValue(Fields)!);
            var corpusOptions = CorpusOptionsCli.Build(parse, configuration, fields, labels: null);
            var store = parse.GetValue(CorpusOptionsCli.Store) ?? CaptionStage.DefaultStore(configuration);
            var corpus = await CorpusStage.RunAsync(summary, reporter, configuration, parse.GetValue(Dataset)!, store, corpusOptions, ct);
            IReadOnlyList<ExperimentRow>? rows = null;
            await summary.RunStageAsync("image_features", async () =>
            {
                var c = corpus ?? throw new InvalidOperationException("no corpus");
                using var featurizer = new ResNet18Featurizer(new ResNet18FeaturizerOptions { IntraOpThreads = Environment.ProcessorCount });
                var cache = new ImageFeatureCache(Path.Combine(root, "features", "resnet18"), featurizer);
                var images = c.Rows.Count(r => r.ImageReference is not null);
                var (built, counts) = await reporter.WithProgressAsync("image features (ResNet18)", Math.Max(1, images),
                    progress => ExperimentInputs.BuildAsync(c, cache, corpusOptions, progress, ct));
                rows = built;
                summary.Set("image_features", counts);
                return $"{counts.WithFeatures} rows with features ({counts.Extracted} extracted, {counts.Cached} cached), " +
                       $"{counts.TextOnly} text-only, {counts.Unreadable} unreadable";
            });
            ExperimentResult? result = null;
            await summary.RunStageAsync("experiment", async () =>
            {
                var trainRows = rows!.Count(r => r.Split == "train");
                var perRun = options.Epochs * ((trainRows + options.BatchSize - 1) / options.BatchSize);
                var runs = options.SelectedVariants().Count * options.Seeds.Count;
                TorchRuntime.SetThreads(parse.GetValue(Threads));
                result = await reporter.WithProgressAsync("experiment", Math.Max(1, perRun * runs), update => Task.Run(() =>
                    new ExperimentRunner(options).Run(rows!, corpus!.Labels, new SyncProgress(p => update(
                        (p.Run * perRun) + p.Step,
                        string.Create(CultureInfo.InvariantCulture,
                            $"experiment: run {p.Run + 1}/{p.Runs} ({p.Variant}, seed {p.Seed}), epoch {p.Epoch + 1}, loss {p.Loss:0.000}"))), ct), ct));
                return string.Join("; ", result.Results.Select(r => string.Create(CultureInfo.InvariantCulture,
                    $"({r.Variant}) {r.Accuracy:0.000}±{r.AccuracyStd:0.000}")));
            });
            await summary.RunStageAsync("report", async () =>
            {
                Directory.CreateDirectory(folder);
                var report = new ExperimentReport(result!);
                await File.WriteAllTextAsync(Path.Combine(folder, "experiment.json"), report.ToJson(), ct);
                await File.WriteAllTextAsync(Path.Combine(folder, "experiment.md"), report.ToMarkdown(), ct);
                var plots = new[] { Path.Combine(folder, ExperimentPlots.ResultsFile), Path.Combine(folder, ExperimentPlots.CurvesFile) };
                ExperimentPlots.Results(plots[0], result!);
                ExperimentPlots.DevCurves(plots[1], result!);
                summary.Set("results", result!.Results.Select(Summary).ToList());
                summary.Set("alignment", JsonSerializer.SerializeToElement(result.Alignment, CommandSummary.Json));
                summary.Set("seeds", result.Seeds);
                summary.Set("plots", plots);
                reporter.Info(report.ToMarkdown());
                return $"experiment.md, experiment.json and plots in {folder}";
            });
        }));
        return command;
    }

    /// <summary>One variant's line of the <c>--json</c> summary: means and sample standard deviations over the seeds.</summary>
    private static Dictionary<string, object> Summary(VariantResult r) => new()
    {
        ["variant"] = r.Variant,
        ["name"] = r.Name,
        ["accuracy"] = Math.Round(r.Accuracy, 6),
        ["accuracy_std"] = Math.Round(r.AccuracyStd, 6),
        ["weighted_f1"] = Math.Round(r.WeightedF1, 6),
        ["weighted_f1_std"] = Math.Round(r.WeightedF1Std, 6),
        ["macro_f1"] = Math.Round(r.MacroF1, 6),
        ["macro_f1_std"] = Math.Round(r.MacroF1Std, 6),
    };

    private static ExperimentOptions Options(ParseResult parse, IConfiguration configuration)
    {
        var section = configuration.ReadSection<TrainingSection>();
        var encoder = TrainCommand.ParseEncoder(parse.GetValue(Encoder) ?? section.Encoder, parse.GetValue(Encoder) is null ? "Training:Encoder" : "--encoder");
        var maxLength = parse.GetValue(MaxLength) ?? section.MaxLength;
        var seeds = parse.GetValue(Seeds);
        if (seeds is < 1 or > 100)
        {
            throw new ArgumentException($"--seeds {seeds}: must be between 1 and 100");
        }

        var tokenizer = TextTokenizer.MiniLM();
        var options = new ExperimentOptions(
            encoder == EncoderChoice.MiniLM ? ExperimentOptions.MiniLMEncoder : ExperimentOptions.RandomEncoder(RunTrainer.SmallConfig(tokenizer.VocabularySize, maxLength)),
            tokenizer)
        {
            MaxLength = maxLength,
            BatchSize = parse.GetValue(BatchSize) ?? section.BatchSize,
            Epochs = parse.GetValue(Epochs) ?? section.Epochs,
            LearningRate = parse.GetValue(LearningRate),
            Seeds = [.. Enumerable.Range(1, seeds)],
            TopK = parse.GetValue(TopK),
            Lambda = parse.GetValue(Lambda),
            Patience = parse.GetValue(Patience),
            Variants = parse.GetValue(Variants) is { } v ? [.. v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null,
        };
        try
        {
            options.Validate();
            _ = options.SelectedVariants();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"experiment options: {ex.Message}", ex);
        }

        return options;
    }

    /// <summary>Reports synchronously on the training thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => report(value);
    }
}
