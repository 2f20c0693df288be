using System.CommandLine;
using Distributed.Abstractions.Captioning;
using Distributed.Cli.Output;
using Distributed.Hosting.Options;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Text;
using Distributed.Training.Corpus;
using Distributed.Training.Reports;
using Distributed.Training.Runs;

namespace Distributed.Cli.Commands;

/// <summary>
/// <c>distributed run</c>: the main job on the embedded default. cluster → sample data → caption → store → corpus →
/// train → evaluate → report. The encoder, epochs, batch size and max length come from the <c>Training</c> section
/// (defaults: MiniLM, 3 epochs, 32, 128), e.g. <c>--set Training:Encoder=small --set Training:Epochs=1</c>.
/// </summary>
public static class RunCommand
{
    /// <summary>Shards of the small sample dataset: a few, so shards run in parallel and progress moves.</summary>
    private const int SampleShardRows = 100;

    public static Command Create()
    {
        var command = new Command("run", "Run the pipeline (caption, store, train, evaluate, report) on the sample dataset");
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "run", async (configuration, reporter, summary) =>
        {
            var dataRoot = configuration.ReadSection<DataRootOptions>().FullRoot;
            summary.Set("data_root", dataRoot);
            var training = configuration.ReadSection<TrainingSection>();
            var settings = new TrainingSettings(
                TrainCommand.ParseEncoder(training.Encoder, "Training:Encoder"),
                Epochs: training.Epochs, BatchSize: training.BatchSize, MaxLength: training.MaxLength);
            settings.Validate();
            await using var session = await ClusterStage.StartAsync(summary, configuration, parse.GetValue(GlobalOptions.Verbose), ct);
            var dataset = await SampleStage.RunAsync(summary, reporter, configuration, SampleStage.DefaultFolder(configuration), force: false, ct);
            var store = CaptionStage.DefaultStore(configuration);
            if (session is not null && dataset is not null)
            {
                var spec = new CaptionJobSpec(dataset.ManifestPath, store, ShardRows: SampleShardRows);
                await CaptionStage.RunAsync(summary, reporter, configuration, session.Client, CaptionStage.NewJobId(TimeProvider.System), spec, ct);
            }
            else
            {
                summary.Add(new StageResult(CaptionStage.Name, StageStatus.Skipped, "an earlier stage failed"));
            }

            await StoreStage.RunAsync(summary, configuration, store, ct);
            var options = CorpusOptionsCli.ForIdentity(configuration, CorpusOptionsCli.DefaultIdentity(configuration), byHand: false,
                MissingDescriptionPolicy.TextOnly, DescriptionFieldSet.All, labels: null, new SplitRatios());
            var corpus = dataset is null
                ? null
                : await CorpusStage.RunAsync(summary, reporter, configuration, dataset.ManifestPath, store, options, ct, standalone: false);
            var run = RunFolder.NewRunId(TimeProvider.System);
            await TrainStages.RunAsync(summary, reporter, corpus,
                new TrainRequest(run, RunFolder.For(dataRoot, run), settings, DescriptionFieldSet.All, store, options), ct, "train_seconds");
        }));
        return command;
    }
}
