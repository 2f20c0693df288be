using System.CommandLine;
using Distributed.Abstractions.Captioning;
using Distributed.Cli.Output;
using Distributed.Hosting.Options;

namespace Distributed.Cli.Commands;

/// <summary>
/// <c>distributed run</c>: the main job on the embedded default. cluster → sample data → caption → store → train →
/// evaluate → report. Stages that are not built yet report <c>not_available</c>; nothing is simulated.
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
            summary.Set("data_root", configuration.ReadSection<DataRootOptions>().FullRoot);
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
            summary.NotAvailable("train", "the text-centric affect model and its trainer are issue #4");
            summary.NotAvailable("evaluate", "evaluation is issue #4");
            summary.NotAvailable("report", "the run report and plots are issue #4");
        }));
        return command;
    }
}
