using System.CommandLine;
using System.Globalization;
using Distributed.Cli.Output;
using Distributed.Hosting.Options;
using Distributed.Learning.Objectives;
using Distributed.Learning.Text;
using Distributed.Training.Reports;
using Distributed.Training.Runs;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>
/// <c>distributed train &lt;dataset&gt;</c>: join the dataset with its descriptions, train the text-centric affect
/// classifier in this process, score dev and test, and write the run folder <c>&lt;data root&gt;/runs/&lt;run&gt;/</c>.
/// </summary>
public static class TrainCommand
{
    private static readonly Argument<string> Dataset = new("dataset") { Description = "Manifest (.jsonl, .csv, .parquet) or folder with train/dev/test.jsonl" };
    private static readonly Option<string> Fields = new("--fields") { Description = "Description fields: ocr, visual_scene, reasoning (comma-separated), all or none", DefaultValueFactory = _ => "all" };
    private static readonly Option<string?> Labels = new("--labels") { Description = "The label set, comma-separated (default: the train split's labels, sorted)" };
    private static readonly Option<string?> Encoder = new("--encoder") { Description = "minilm (pretrained) or small (tiny random BERT); default Training:Encoder (minilm)" };
    private static readonly Option<string> Pooling = new("--pooling") { Description = "token-selection, mean or cls", DefaultValueFactory = _ => "token-selection" };
    private static readonly Option<int> TopK = new("--top-k") { Description = "Tokens kept by token selection", DefaultValueFactory = _ => 16 };
    private static readonly Option<double> Lambda = new("--lambda") { Description = "Weight of the uniformity term (0 = plain cross-entropy)", DefaultValueFactory = _ => 0.1 };
    private static readonly Option<int?> Epochs = new("--epochs") { Description = "Maximum epochs; default Training:Epochs (3)" };
    private static readonly Option<int?> BatchSize = new("--batch-size") { Description = "Rows per optimizer step; default Training:BatchSize (32)" };
    private static readonly Option<double> LearningRate = new("--lr") { Description = "Peak AdamW learning rate (linear warm-up 10 %, then decay)", DefaultValueFactory = _ => 5e-5 };
    private static readonly Option<int?> MaxLength = new("--max-length") { Description = "Tokens per row (post + description); default Training:MaxLength (128)" };
    private static readonly Option<double> PostShare = new("--post-share") { Description = "Share of the token budget promised to the post", DefaultValueFactory = _ => 0.5 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of initialisation, dropout and sampling", DefaultValueFactory = _ => 42 };
    private static readonly Option<int> Patience = new("--patience") { Description = "Epochs without a dev weighted-F1 gain before stopping", DefaultValueFactory = _ => 2 };
    private static readonly Option<string?> Run = new("--run") { Description = "Run id (default run-<time>-<random>)" };
    private static readonly Option<bool> Checkpoint = new("--checkpoint") { Description = "Write a checkpoint after every epoch under the run folder" };

    public static Command Create()
    {
        var command = new Command("train", "Train the text-centric affect classifier on a dataset and its stored descriptions")
        {
            Dataset, Fields, Labels, Encoder, Pooling, TopK, Lambda, Epochs, BatchSize, LearningRate, MaxLength, PostShare, Seed,
            Patience, Run, Checkpoint,
        };
        foreach (var option in CorpusOptionsCli.All.Concat(DataParallelOptionsCli.All))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "train", async (configuration, reporter, summary) =>
        {
            var settings = Settings(parse, configuration);
            var fields = ParseFields(parse.GetValue(Fields)!);
            var labels = parse.GetValue(Labels) is { } l ? l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
            var options = CorpusOptionsCli.Build(parse, configuration, fields, labels);
            var run = parse.GetValue(Run) ?? RunFolder.NewRunId(TimeProvider.System);
            var folder = RunFolder.For(configuration.ReadSection<DataRootOptions>().FullRoot, run);
            var resume = parse.GetValue(DataParallelOptionsCli.Resume);
            if (resume && (parse.GetValue(Run) is null || parse.GetValue(DataParallelOptionsCli.WorldSize) is null))
            {
                throw new ArgumentException("--resume continues a data-parallel run: give its --run and a --world-size");
            }

            if (!resume && Directory.Exists(folder.Path) && Directory.EnumerateFileSystemEntries(folder.Path).Any())
            {
                throw new ArgumentException($"--run '{run}': the run folder {folder.Path} already exists and is not empty");
            }

            var store = parse.GetValue(CorpusOptionsCli.Store) ?? CaptionStage.DefaultStore(configuration);
            var spec = DataParallelOptionsCli.SpecOrNull(parse, configuration, folder, settings, fields);
            var corpus = await CorpusStage.RunAsync(summary, reporter, configuration, parse.GetValue(Dataset)!, store, options, ct);
            var request = new TrainRequest(run, folder, settings, fields, store, options);
            if (spec is not null)
            {
                await DataParallelStages.RunAsync(parse, summary, reporter, configuration, corpus, request, spec, ct);
            }
            else
            {
                await TrainStages.RunAsync(summary, reporter, corpus, request, ct);
            }
        }));
        return command;
    }

    /// <summary>The training settings from the options, falling back to the <c>Training</c> section; validated.</summary>
    public static TrainingSettings Settings(ParseResult parse, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var section = configuration.ReadSection<TrainingSection>();
        var settings = new TrainingSettings(
            ParseEncoder(parse.GetValue(Encoder) ?? section.Encoder, parse.GetValue(Encoder) is null ? "Training:Encoder" : "--encoder"),
            ParsePooling(parse.GetValue(Pooling)!),
            parse.GetValue(TopK),
            parse.GetValue(Lambda),
            parse.GetValue(Epochs) ?? section.Epochs,
            parse.GetValue(BatchSize) ?? section.BatchSize,
            parse.GetValue(LearningRate),
            parse.GetValue(MaxLength) ?? section.MaxLength,
            parse.GetValue(PostShare),
            parse.GetValue(Seed),
            parse.GetValue(Patience))
        {
            Checkpoint = parse.GetValue(Checkpoint),
        };
        settings.Validate();
        return settings;
    }

    public static DescriptionFieldSet ParseFields(string value)
    {
        try
        {
            return DescriptionRenderer.ParseFields(value);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"--fields '{value}': {ex.Message}", ex);
        }
    }

    public static EncoderChoice ParseEncoder(string value, string name = "--encoder") => value.Trim().ToLowerInvariant() switch
    {
        "minilm" => EncoderChoice.MiniLM,
        "small" => EncoderChoice.Small,
        _ => throw new ArgumentException($"{name} '{value}': must be minilm or small"),
    };

    public static PoolingKind ParsePooling(string value) => value.Trim().ToLowerInvariant() switch
    {
        "token-selection" or "token_selection" or "topk" => PoolingKind.TokenSelection,
        "mean" => PoolingKind.MaskedMean,
        "cls" => PoolingKind.Cls,
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--pooling '{value}': must be token-selection, mean or cls")),
    };
}
