namespace Distributed.Abstractions.Training;

/// <summary>A data-parallel training job, as the CLI submits it.</summary>
/// <param name="CorpusPath">The joined corpus file (written by the CLI; every trainer reads it).</param>
/// <param name="RunFolder">Where rank 0 writes the model, metrics and curves.</param>
/// <param name="CheckpointStore">Store location of the checkpoints (a folder or <c>az://container/prefix</c>); the job id is the prefix.</param>
/// <param name="SettingsJson">The training settings (<c>TrainingSettings</c> as JSON).</param>
/// <param name="Fields">Description fields rendered (for the exported model's spec).</param>
/// <param name="WorldSize">Trainers W.</param>
/// <param name="TrainersPerSilo">Trainers placed on one silo at most.</param>
/// <param name="CheckpointEverySteps">Rank 0 checkpoints every this many steps (and at every epoch's end); 0 = epoch ends only.</param>
/// <param name="MicroBatchRows">Rows per forward/backward on a trainer (gradient accumulation); null = its whole slice.</param>
/// <param name="BucketBytes">Gradient bytes per all-reduce bucket.</param>
/// <param name="ReplacementWaitSeconds">After a trainer is lost, how long to wait for enough trainer slots before shrinking W.</param>
/// <param name="MaxRestarts">Ring rebuilds allowed before the job fails.</param>
/// <param name="MaxSteps">Stop after this many optimizer steps (null = all epochs).</param>
/// <param name="Resume">Start from the job's latest committed checkpoint (a job restarted after its coordinator died).</param>
[GenerateSerializer, Immutable, Alias("Distributed.TrainingJobSpec")]
public sealed record TrainingJobSpec(
    [property: Id(0)] string CorpusPath,
    [property: Id(1)] string RunFolder,
    [property: Id(2)] string CheckpointStore,
    [property: Id(3)] string SettingsJson,
    [property: Id(4)] string Fields,
    [property: Id(5)] int WorldSize,
    [property: Id(6)] int TrainersPerSilo,
    [property: Id(7)] int CheckpointEverySteps = 0,
    [property: Id(8)] int? MicroBatchRows = null,
    [property: Id(9)] long BucketBytes = 25L * 1024 * 1024,
    [property: Id(10)] double ReplacementWaitSeconds = 60,
    [property: Id(11)] int MaxRestarts = 3,
    [property: Id(12)] int? MaxSteps = null,
    [property: Id(13)] bool Resume = false)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        Require(WorldSize >= 1, "--world-size", WorldSize, "must be at least 1");
        Require(TrainersPerSilo >= 1, "--trainers-per-silo", TrainersPerSilo, "must be at least 1");
        Require(CheckpointEverySteps >= 0, "--checkpoint-every", CheckpointEverySteps, "must be 0 or more");
        Require(MicroBatchRows is null or >= 1, "--micro-batch", MicroBatchRows ?? 0, "must be at least 1");
        Require(BucketBytes >= 4, "--bucket-mb", BucketBytes, "must hold at least one float");
        Require(ReplacementWaitSeconds >= 0 && double.IsFinite(ReplacementWaitSeconds), "--replacement-wait", ReplacementWaitSeconds, "must be 0 or more seconds");
        Require(MaxRestarts >= 0, "--max-restarts", MaxRestarts, "must be 0 or more");
        Require(MaxSteps is null or >= 1, "--max-steps", MaxSteps ?? 0, "must be at least 1");
        Require(!string.IsNullOrWhiteSpace(CorpusPath), "corpus", CorpusPath, "must be given");
        Require(!string.IsNullOrWhiteSpace(RunFolder), "run folder", RunFolder, "must be given");
        Require(!string.IsNullOrWhiteSpace(CheckpointStore), "--checkpoint-store", CheckpointStore, "must be given");
    }

    private static void Require(bool condition, string option, object value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException(FormattableString.Invariant($"{option} = {value}: {rule}"));
        }
    }
}
