using System.CommandLine;
using Distributed.Abstractions.Captioning;

namespace Distributed.Cli.Commands;

/// <summary><c>distributed caption &lt;dataset&gt;</c>: describe a dataset's images into the description store.</summary>
public static class CaptionCommand
{
    private static readonly Argument<string?> DatasetArgument = new("dataset")
    {
        Description = "Manifest (.jsonl, .csv, .parquet) or folder with train/dev/test.jsonl",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> Store = new("--store") { Description = "Store URI: folder, file://, or az://container/prefix (default <data root>/store)" };
    private static readonly Option<string> Describer = new("--describer") { Description = "Describer endpoint name", DefaultValueFactory = _ => "embedded" };
    private static readonly Option<int> ShardRows = new("--shard-rows") { Description = "Rows per shard", DefaultValueFactory = _ => 1000 };
    private static readonly Option<int> ParallelShards = new("--parallel-shards") { Description = "Shards at once", DefaultValueFactory = _ => 4 };
    private static readonly Option<bool> RetryFailed = new("--retry-failed") { Description = "Describe again images stored as permanent errors" };
    private static readonly Option<string?> Resume = new("--resume") { Description = "Continue an unfinished job by id" };
    private static readonly Option<string?> Job = new("--job") { Description = "Id for the new job (default: caption-<time>-<random>)" };

    public static Command Create()
    {
        var command = new Command("caption", "Describe a dataset's images into the description store")
        {
            DatasetArgument, Store, Describer, ShardRows, ParallelShards, RetryFailed, Resume, Job,
        };
        Range(ShardRows, 1, 1_000_000);
        Range(ParallelShards, 1, 1024);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Resume) is null && result.GetValue(DatasetArgument) is null)
            {
                result.AddError("caption needs a dataset, or --resume <job>");
            }
        });
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, "caption", async (configuration, reporter, summary) =>
        {
            await using var session = await ClusterStage.StartAsync(summary, configuration, parse.GetValue(GlobalOptions.Verbose), ct);
            if (session is null)
            {
                return;
            }

            var resume = parse.GetValue(Resume);
            var spec = resume is not null ? null : new CaptionJobSpec(
                Path.GetFullPath(parse.GetValue(DatasetArgument)!),
                parse.GetValue(Store) ?? CaptionStage.DefaultStore(configuration),
                parse.GetValue(Describer)!,
                parse.GetValue(ShardRows),
                parse.GetValue(ParallelShards),
                parse.GetValue(RetryFailed));
            await CaptionStage.RunAsync(summary, reporter, configuration, session.Client,
                resume ?? parse.GetValue(Job) ?? CaptionStage.NewJobId(TimeProvider.System), spec, ct);
        }));
        return command;
    }

    private static void Range(Option<int> option, int min, int max) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() is var value && (value < min || value > max))
        {
            result.AddError($"{option.Name} = {value}: must be between {min} and {max}");
        }
    });
}
