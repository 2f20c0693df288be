namespace Distributed.Abstractions.Training;

/// <summary>What a trainer needs to join a ring.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Rank">This trainer's rank.</param>
/// <param name="WorldSize">Trainers in the ring.</param>
/// <param name="RingId">The ring (one per generation of the job).</param>
/// <param name="Token">The job's secret for the data-plane handshake.</param>
/// <param name="Spec">The job.</param>
[GenerateSerializer, Immutable, Alias("Distributed.TrainerAssignment")]
public sealed record TrainerAssignment(
    [property: Id(0)] string JobId,
    [property: Id(1)] int Rank,
    [property: Id(2)] int WorldSize,
    [property: Id(3)] Guid RingId,
    [property: Id(4)] byte[] Token,
    [property: Id(5)] TrainingJobSpec Spec);

/// <summary>A trainer after joining its ring and initialising.</summary>
/// <param name="Checksum">SHA-256 of its weights after the broadcast from rank 0.</param>
/// <param name="Step">The step it starts at (the checkpoint's, or 0).</param>
/// <param name="TotalSteps">Steps of the whole run.</param>
/// <param name="BatchesPerEpoch">Steps per epoch.</param>
/// <param name="BestDevWeightedF1">Best dev weighted F1 recorded in the checkpoint (-1 without one).</param>
/// <param name="DataPlane">How its ring links run: <c>tcp</c> (token handshake) or <c>tls</c> (mutual TLS, then the token handshake).</param>
[GenerateSerializer, Immutable, Alias("Distributed.TrainerReady")]
public sealed record TrainerReady(
    [property: Id(0)] string Checksum,
    [property: Id(1)] int Step,
    [property: Id(2)] int TotalSteps,
    [property: Id(3)] int BatchesPerEpoch,
    [property: Id(4)] double BestDevWeightedF1,
    [property: Id(5)] string DataPlane);

/// <summary>One trainer's part of one step.</summary>
[GenerateSerializer, Immutable, Alias("Distributed.TrainerStepReport")]
public sealed record TrainerStepReport(
    [property: Id(0)] int Step,
    [property: Id(1)] int Epoch,
    [property: Id(2)] int Rows,
    [property: Id(3)] int GlobalRows,
    [property: Id(4)] double CrossEntropy,
    [property: Id(5)] double? Uniformity,
    [property: Id(6)] double LearningRate,
    [property: Id(7)] double Seconds,
    [property: Id(8)] double AllReduceSeconds);

/// <summary>
/// One model replica of a training job, bound to a silo with the trainer role (key
/// <c>{silo}/trainer/{job}/{ring}/{rank}</c>). The control plane: gradients never pass through its calls; they go over
/// the direct ring connections it opens to its neighbours.
/// </summary>
[Alias("Distributed.ITrainerGrain")]
public interface ITrainerGrain : IGrainWithStringKey
{
    /// <summary>Opens this trainer's data-plane listener; returns its endpoint (<c>host:port</c>) for the previous rank.</summary>
    [Alias("Prepare")]
    Task<string> PrepareAsync(TrainerAssignment assignment);

    /// <summary>
    /// Connects to the next rank's endpoint, builds the replica, loads the latest checkpoint of the job when
    /// <paramref name="resume"/> (every rank reads the same one), then takes rank 0's weights (collective).
    /// </summary>
    [Alias("Connect"), ResponseTimeout("00:30:00")]
    Task<TrainerReady> ConnectAsync(string nextEndpoint, bool resume);

    /// <summary>One global step (collective).</summary>
    [Alias("Step"), ResponseTimeout("01:00:00")]
    Task<TrainerStepReport> StepAsync(int step);

    /// <summary>Rank 0: writes a checkpoint of the current step to the job's checkpoint store; returns its step.</summary>
    [Alias("Checkpoint"), ResponseTimeout("00:30:00")]
    Task<int> CheckpointAsync(double bestDevWeightedF1);

    /// <summary>Scores the current weights on a split; null when the corpus has none of its rows.</summary>
    [Alias("Evaluate"), ResponseTimeout("00:30:00")]
    Task<TrainingScores?> EvaluateAsync(string split);

    /// <summary>Exports the current weights as a model folder.</summary>
    [Alias("Export"), ResponseTimeout("00:10:00")]
    Task ExportAsync(string folder);

    /// <summary>Replaces the current weights with an exported model folder's.</summary>
    [Alias("LoadExported"), ResponseTimeout("00:10:00")]
    Task LoadExportedAsync(string folder);

    /// <summary>SHA-256 of the replica's weights.</summary>
    [Alias("Checksum")]
    Task<string> ChecksumAsync();

    /// <summary>Closes the ring connections (failing a step in progress) and frees the replica.</summary>
    [Alias("Stop"), Orleans.Concurrency.AlwaysInterleave]
    Task StopAsync();
}
