using System.Net;
using System.Text.Json;
using Distributed.Abstractions.Training;
using Distributed.Learning.Collective;
using Distributed.Storage.Blobs;
using Distributed.Storage.Descriptions;
using Distributed.Training.Checkpoints;
using Distributed.Training.DataParallel;
using Distributed.Training.Runs;

namespace Distributed.Grains.Training;

/// <summary>
/// One trainer's replica and ring connections on this silo: the plain service behind a <c>TrainerGrain</c>. Heavy work
/// (building the model, steps, checkpoints) runs on the thread pool, never on the grain scheduler; one operation at a
/// time. <see cref="Dispose"/> closes the ring connections first — a step blocked on a dead neighbour fails at once —
/// then frees the replica when the operation in progress has ended.
/// </summary>
public sealed class TrainerSession : IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromMinutes(2);
    private readonly TrainerAssignment _assignment;
    private readonly DescriptionStoreOptions _storeOptions;
    private readonly RingTls? _tls;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _busy = new(1, 1);
    private SocketRingListener? _listener;
    private SocketRingTransport? _transport;
    private ReplicaTrainer? _replica;
    private int _disposed;

    private TrainerSession(TrainerAssignment assignment, DescriptionStoreOptions storeOptions, SocketRingListener listener, RingTls? tls)
    {
        _assignment = assignment;
        _storeOptions = storeOptions;
        _tls = tls;
        _listener = listener;
    }

    /// <summary>The data-plane endpoint the previous rank connects to.</summary>
    public IPEndPoint Endpoint => _listener?.EndPoint ?? throw new InvalidOperationException("The trainer is already connected.");

    /// <summary>Validates the assignment and opens the data-plane listener on <paramref name="address"/> (TLS links when <paramref name="tls"/> is given).</summary>
    public static TrainerSession Open(TrainerAssignment assignment, IPAddress address, DescriptionStoreOptions storeOptions, RingTls? tls)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        assignment.Spec.Validate();
        Settings(assignment.Spec).Validate();
        return new TrainerSession(assignment, storeOptions, SocketRingListener.Start(address), tls);
    }

    /// <summary>The job's training settings.</summary>
    public static TrainingSettings Settings(TrainingJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            return JsonSerializer.Deserialize<TrainingSettings>(spec.SettingsJson)
                ?? throw new ArgumentException("The job's training settings are empty.");
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The job's training settings are not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The checkpoint store of a job, reached with the silo's <c>Store:*</c> credentials (connection string, SAS or
    /// default credential); a silo whose store settings are read-only cannot write checkpoints (rank 0's silo needs write access).
    /// </summary>
    public static BlobCheckpointStore Checkpoints(TrainingJobSpec spec, string jobId, DescriptionStoreOptions storeOptions) =>
        new(DescriptionStoreLocation.Parse(spec.CheckpointStore).Open(storeOptions), jobId);

    /// <summary>Connects the ring, builds the replica, loads the latest checkpoint when asked, takes rank 0's weights.</summary>
    public Task<TrainerReady> ConnectAsync(IPEndPoint next, bool resume) => RunAsync(async ct =>
    {
        var listener = _listener ?? throw new InvalidOperationException("The trainer is already connected.");
        _listener = null;
        _transport = await listener.ConnectAsync(_assignment.Rank, _assignment.WorldSize, next, _assignment.RingId, _assignment.Token,
            ConnectTimeout, ct, _tls).ConfigureAwait(false);
        var spec = _assignment.Spec;
        var corpus = CorpusSnapshot.Read(spec.CorpusPath);
        _replica = ReplicaTrainer.Create(corpus, Settings(spec), new ReplicaOptions(_assignment.Rank, _assignment.WorldSize, spec.MicroBatchRows, spec.BucketBytes), _transport);
        var folder = resume ? Directory.CreateTempSubdirectory("distributed-resume-").FullName : null;
        try
        {
            var pointer = folder is null ? null
                : await Checkpoints(spec, _assignment.JobId, _storeOptions).DownloadLatestAsync(folder, ct).ConfigureAwait(false);
            var (checksum, state) = await _replica.InitializeAsync(pointer is null ? null : folder, ct).ConfigureAwait(false);
            return new TrainerReady(checksum, _replica.Step, _replica.TotalSteps, _replica.BatchesPerEpoch, state?.BestDevWeightedF1 ?? -1,
                _tls is null ? "tcp" : "tls");
        }
        finally
        {
            if (folder is not null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    });

    /// <summary>One global step; <paramref name="step"/> is the step the coordinator expects to be taken next.</summary>
    public Task<TrainerStepReport> StepAsync(int step) => RunAsync(async ct =>
    {
        var replica = Replica();
        if (replica.Step != step)
        {
            throw new InvalidOperationException($"Rank {_assignment.Rank} is at step {replica.Step}, the coordinator asked for step {step}.");
        }

        var r = await replica.StepAsync(ct).ConfigureAwait(false);
        return new TrainerStepReport(r.Step, r.Epoch, r.Rows, r.GlobalRows, r.CrossEntropy, r.Uniformity, r.LearningRate, r.Seconds, r.AllReduceSeconds);
    });

    /// <summary>Writes a checkpoint locally, uploads it to the job's checkpoint store and commits it.</summary>
    public Task<int> CheckpointAsync(double bestDevWeightedF1) => RunAsync(async ct =>
    {
        var replica = Replica();
        var folder = Directory.CreateTempSubdirectory("distributed-checkpoint-").FullName;
        try
        {
            var saved = replica.SaveCheckpoint(folder, bestDevWeightedF1);
            var pointer = await Checkpoints(_assignment.Spec, _assignment.JobId, _storeOptions).UploadAsync(saved, replica.Step, ct).ConfigureAwait(false);
            return pointer.Step;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    /// <summary>Scores the replica on a split.</summary>
    public Task<TrainingScores?> EvaluateAsync(string split) => RunAsync(_ => Task.FromResult(
        Replica().Evaluate(split) is { } report ? new TrainingScores(report.Count, report.Accuracy, report.WeightedF1, report.MacroF1) : null));

    /// <summary>Exports the replica's weights.</summary>
    public Task ExportAsync(string folder) => RunAsync(_ =>
    {
        Replica().Export(folder, _assignment.Spec.Fields);
        return Task.FromResult(0);
    });

    /// <summary>Loads an exported model folder's weights.</summary>
    public Task LoadExportedAsync(string folder) => RunAsync(_ =>
    {
        Replica().LoadExported(folder);
        return Task.FromResult(0);
    });

    /// <summary>SHA-256 of the replica's weights.</summary>
    public Task<string> ChecksumAsync() => RunAsync(_ => Task.FromResult(Replica().Checksum()));

    /// <summary>Closes the connections, then frees the replica once the running operation (if any) has failed or ended.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _listener?.Dispose();
        _transport?.Dispose();
        _ = Task.Run(async () =>
        {
            await _busy.WaitAsync().ConfigureAwait(false);
            _replica?.Dispose();
            _stop.Dispose();
        });
    }

    private ReplicaTrainer Replica() => _replica ?? throw new InvalidOperationException($"Rank {_assignment.Rank} has not joined its ring yet.");

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _busy.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return await Task.Run(() => operation(_stop.Token)).ConfigureAwait(false);
        }
        finally
        {
            _busy.Release();
        }
    }
}
