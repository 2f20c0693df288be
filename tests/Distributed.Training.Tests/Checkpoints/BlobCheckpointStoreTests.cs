using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Training;
using Distributed.Storage.Blobs;
using Distributed.Training.Checkpoints;
using static TorchSharp.torch;

namespace Distributed.Training.Tests.Checkpoints;

public sealed class BlobCheckpointStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("checkpoints-").FullName;

    [Fact]
    public async Task UploadAsync_FailsHalfway_PreviousCheckpointStaysLatestAndLoadable()
    {
        var blobs = new LocalFolderBlobContainer(Path.Combine(_folder, "blobs"));
        TrainingSeed.Apply(11);
        using var model = new AffectClassifier(BertConfig.Small(64), new AffectModelOptions(2, Dropout: 0));
        using var step = new TrainingStep(model, new AffectObjective(new AffectObjectiveOptions(0.1)), new TrainingStepOptions(10, LearningRate: 1e-2));
        var first = TrainingCheckpoint.Save(Path.Combine(_folder, "local"), model, step, new TrainerState(1, 0, 1, 1, 11, 0.5));
        var committed = await new BlobCheckpointStore(blobs, "runs/r1").UploadAsync(first, 1);
        var firstWeights = Flat(model);

        TrainOneStep(step);
        Assert.NotEqual(firstWeights, Flat(model));
        var second = TrainingCheckpoint.Save(Path.Combine(_folder, "local"), model, step, new TrainerState(2, 0, 2, 2, 11, 0.6));
        var failing = new FailAfterUploads(blobs, allowed: 1);
        await Assert.ThrowsAsync<IOException>(() => new BlobCheckpointStore(failing, "runs/r1").UploadAsync(second, 2));

        var store = new BlobCheckpointStore(blobs, "runs/r1");
        Assert.Equal(committed, await store.LatestAsync());
        var downloaded = Path.Combine(_folder, "downloaded");
        Assert.Equal(1, (await store.DownloadLatestAsync(downloaded))!.Step);
        TrainingSeed.Apply(12);
        using var restored = new AffectClassifier(BertConfig.Small(64), new AffectModelOptions(2, Dropout: 0));
        using var restoredStep = new TrainingStep(restored, new AffectObjective(new AffectObjectiveOptions(0.1)), new TrainingStepOptions(10, LearningRate: 1e-2));
        var state = TrainingCheckpoint.Load(downloaded, restored, restoredStep);
        Assert.Equal(1, state.Step);
        Assert.Equal(firstWeights, Flat(restored));
    }

    [Fact]
    public async Task UploadAsync_TwoCheckpoints_LatestIsTheSecond()
    {
        var blobs = new LocalFolderBlobContainer(Path.Combine(_folder, "blobs"));
        var store = new BlobCheckpointStore(blobs, "runs/r2");
        Assert.Null(await store.LatestAsync());
        foreach (var stepNumber in new[] { 3, 6 })
        {
            var local = Path.Combine(_folder, $"c{stepNumber}");
            Directory.CreateDirectory(local);
            await File.WriteAllTextAsync(Path.Combine(local, "trainer.json"), $"{{\"step\":{stepNumber}}}");
            await store.UploadAsync(local, stepNumber);
        }

        Assert.Equal(6, (await store.LatestAsync())!.Step);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static float[] Flat(AffectClassifier model) => [.. model.parameters().SelectMany(p => p.data<float>().ToArray())];

    private static void TrainOneStep(TrainingStep step)
    {
        using var scope = NewDisposeScope();
        long[] shape = [4, 8];
        var ids = randint(5, 60, shape, dtype: int64);
        var batch = new TrainingBatch(ids, ones(shape, int64), zeros(shape, int64), tensor(new long[] { 0, 1, 0, 1 }));
        step.Accumulate(batch, 4);
        step.OptimizerStep();
    }

    /// <summary>A real container whose uploads start failing after <c>allowed</c> of them (a lost connection mid-checkpoint).</summary>
    private sealed class FailAfterUploads(IBlobContainer inner, int allowed) : IBlobContainer
    {
        private int _uploads;

        public string Location => inner.Location;

        public Task<bool> TryCreateAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
            ++_uploads > allowed
                ? throw new IOException($"upload of {name} failed: connection reset")
                : inner.TryCreateAsync(name, content, cancellationToken);

        public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken = default) => inner.OpenReadAsync(name, cancellationToken);

        public IAsyncEnumerable<BlobEntry> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, cancellationToken);

        public Task<VersionedBlob?> TryReadVersionedAsync(string name, CancellationToken cancellationToken = default) =>
            inner.TryReadVersionedAsync(name, cancellationToken);

        public Task<string?> TryReplaceAsync(string name, ReadOnlyMemory<byte> content, string? expectedETag, CancellationToken cancellationToken = default) =>
            inner.TryReplaceAsync(name, content, expectedETag, cancellationToken);
    }
}
