using System.CommandLine;
using System.Text.Json;
using Distributed.Abstractions.Training;
using Distributed.Hosting.Options;
using Distributed.Learning.Text;
using Distributed.Training.Reports;
using Distributed.Training.Runs;
using Microsoft.Extensions.Configuration;

namespace Distributed.Cli.Commands;

/// <summary>The <c>train</c> options of data-parallel training (<c>--world-size</c> turns it on).</summary>
public static class DataParallelOptionsCli
{
    public static readonly Option<int?> WorldSize = new("--world-size") { Description = "Train data-parallel with W trainers (embedded: all in this process; on a cluster: on trainer silos)" };
    public static readonly Option<int?> TrainersPerSilo = new("--trainers-per-silo") { Description = "Trainers one silo may host (default: W embedded, 1 on a cluster)" };
    public static readonly Option<int> CheckpointEvery = new("--checkpoint-every") { Description = "Rank 0 checkpoints every N steps (and at every epoch's end)", DefaultValueFactory = _ => 0 };
    public static readonly Option<string?> CheckpointStore = new("--checkpoint-store") { Description = "Checkpoint store: folder or az://container/prefix (default <run folder>/checkpoints)" };
    public static readonly Option<int?> MicroBatch = new("--micro-batch") { Description = "Rows per forward/backward on a trainer (gradient accumulation; default its whole slice)" };
    public static readonly Option<double> BucketMegabytes = new("--bucket-mb") { Description = "Gradient all-reduce bucket size in MB", DefaultValueFactory = _ => 25 };
    public static readonly Option<double> ReplacementWait = new("--replacement-wait") { Description = "Seconds to wait for a replacement trainer silo before continuing with fewer trainers", DefaultValueFactory = _ => 60 };
    public static readonly Option<int> MaxRestarts = new("--max-restarts") { Description = "Ring rebuilds allowed before the job fails", DefaultValueFactory = _ => 3 };
    public static readonly Option<int?> MaxSteps = new("--max-steps") { Description = "Stop after this many optimizer steps" };
    public static readonly Option<bool> Resume = new("--resume") { Description = "Continue the data-parallel run --run from its last checkpoint (its folder may exist)" };

    public static IReadOnlyList<Option> All => [WorldSize, TrainersPerSilo, CheckpointEvery, CheckpointStore, MicroBatch, BucketMegabytes, ReplacementWait, MaxRestarts, MaxSteps, Resume];

    /// <summary>
    /// The job spec of a run when <c>--world-size</c> is given (validated before any work), else null. The corpus file
    /// is <c>corpus.json</c> in the run folder; trainers per silo default to W embedded and 1 on a cluster.
    /// </summary>
    public static TrainingJobSpec? SpecOrNull(ParseResult parse, IConfiguration configuration, RunFolder folder, TrainingSettings settings, DescriptionFieldSet fields)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(settings);
        if (parse.GetValue(WorldSize) is not { } worldSize)
        {
            return null;
        }

        var megabytes = parse.GetValue(BucketMegabytes);
        if (!(megabytes > 0 && megabytes <= 1024))
        {
            throw new ArgumentException(FormattableString.Invariant($"--bucket-mb = {megabytes}: must be in (0, 1024]"));
        }

        var embedded = configuration.ReadSection<ClusterConnectionOptions>().Mode == ClusterMode.Embedded;
        var spec = new TrainingJobSpec(
            Path.Combine(folder.Path, "corpus.json"),
            folder.Path,
            parse.GetValue(CheckpointStore) ?? folder.Checkpoints,
            JsonSerializer.Serialize(settings),
            RunTrainer.FieldNames(fields),
            worldSize,
            parse.GetValue(TrainersPerSilo) ?? (embedded ? Math.Max(1, worldSize) : 1),
            parse.GetValue(CheckpointEvery),
            parse.GetValue(MicroBatch),
            (long)(megabytes * 1024 * 1024),
            parse.GetValue(ReplacementWait),
            parse.GetValue(MaxRestarts),
            parse.GetValue(MaxSteps),
            parse.GetValue(Resume));
        spec.Validate();

        // W trainers in one process share its cores: one libtorch thread team each would oversubscribe them.
        return embedded && settings.Threads == 0
            ? spec with { SettingsJson = JsonSerializer.Serialize(settings with { Threads = Math.Max(1, Environment.ProcessorCount / worldSize) }) }
            : spec;
    }
}
