using System.Text.Json;
using Distributed.Abstractions.Training;
using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Training.Corpus;
using Distributed.Training.DataParallel;
using Distributed.Training.Runs;
using static TorchSharp.torch;

namespace Distributed.Grains.Tests.Training;

/// <summary>Synthetic corpora, job specs and checkpoint readers for the training job tests.</summary>
internal static class TrainingJobs
{
    private static readonly string[] Positive = ["great", "happy", "love", "sunny", "wonderful", "smile"];
    private static readonly string[] Negative = ["awful", "sad", "hate", "rainy", "terrible", "cry"];
    private static readonly string[] Filler = ["the", "day", "was", "a", "photo", "of", "my", "street", "today", "with", "friends"];

    /// <summary>Writes a text corpus (labels positive/negative; every row with a short description) and returns its path.</summary>
    public static string WriteCorpus(string folder, int trainRows, int devRows)
    {
        var random = new Random(11);
        CorpusRow Row(int i, string split)
        {
            var positive = i % 2 == 0;
            var words = Enumerable.Range(0, 6 + random.Next(6))
                .Select(_ => random.Next(3) == 0 ? (positive ? Positive : Negative)[random.Next(6)] : Filler[random.Next(Filler.Length)]);
            return new CorpusRow($"{split}-{i}", string.Join(' ', words), positive ? "positive" : "negative", split, null, null,
                $"visual scene: {Filler[random.Next(Filler.Length)]} {Filler[random.Next(Filler.Length)]}", DescriptionStatus.Found);
        }

        var rows = Enumerable.Range(0, trainRows).Select(i => Row(i, "train"))
            .Concat(Enumerable.Range(0, devRows).Select(i => Row(i, "dev")))
            .Concat(Enumerable.Range(0, devRows).Select(i => Row(i, "test")));
        var path = Path.Combine(folder, "corpus.json");
        new CorpusSnapshot(folder, ["negative", "positive"], [.. rows]).Write(path);
        return path;
    }

    /// <summary>
    /// The equivalence setting: a 2-layer random encoder without dropout, lambda 0.5, clipping at 0.5, AdamW
    /// epsilon 1e-6 (see the library's DataParallelStepTests for why), one libtorch thread per trainer.
    /// </summary>
    public static TrainingSettings Settings(int epochs, int globalBatch) => new(
        EncoderChoice.Small, PoolingKind.TokenSelection, TopK: 8, Lambda: 0.5, Epochs: epochs, BatchSize: globalBatch, LearningRate: 1e-3,
        MaxLength: 32, Seed: 3, Patience: 100)
    {
        Dropout = 0, WarmupShare = 0, MaxGradNorm = 0.5, AdamEpsilon = 1e-6, Threads = 1,
    };

    public static TrainingJobSpec Spec(string root, string corpus, string run, TrainingSettings settings, int worldSize, int trainersPerSilo) => new(
        corpus, Path.Combine(root, "runs", run), Path.Combine(root, "checkpoints"), JsonSerializer.Serialize(settings), "all",
        worldSize, trainersPerSilo);

    /// <summary>Polls the job until it finishes (failing the test after <paramref name="timeout"/>).</summary>
    public static async Task<TrainingJobStatus> WaitAsync(ITrainingJobGrain job, TimeSpan timeout, Func<TrainingJobStatus, Task>? onPoll = null)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var status = await job.GetStatusAsync();
            if (status.IsFinished)
            {
                return status;
            }

            if (onPoll is not null)
            {
                await onPoll(status);
            }

            await Task.Delay(20, cancel.Token);
        }
    }

    /// <summary>The flat weights of the committed checkpoint of <paramref name="step"/> in a local checkpoint store.</summary>
    public static float[] CheckpointWeights(string root, string jobId, int step) =>
        Weights(Path.Combine(Directory.GetDirectories(Path.Combine(root, "checkpoints", jobId), $"checkpoint-{step}-*").Single(), "model.safetensors"));

    /// <summary>The flat weights of an exported model folder.</summary>
    public static float[] ModelWeights(string runFolder) => Weights(Path.Combine(runFolder, "model", SafetensorsBertWeights.WeightsFileName));

    public static double MaxAbsDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();
    }

    private static float[] Weights(string file)
    {
        var tensors = SafetensorsFile.ReadFloatTensors(file);
        try
        {
            return [.. tensors.OrderBy(t => t.Key, StringComparer.Ordinal).SelectMany(t => t.Value.data<float>().ToArray())];
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }
}
