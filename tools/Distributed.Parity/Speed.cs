using System.Diagnostics;
using System.Text.Json;
using Distributed.Learning;
using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Parity;

/// <summary>
/// Throughput of our MiniLM classifier (the same shapes as tools/parity/speed_peer.py): training step (forward,
/// backward, clipping, AdamW), no_grad inference, and a 4096x384 @ 384x1536 float32 matmul; peak RSS at the end.
/// One process measures after warm-up and writes per-repeat timings; speed.sh alternates processes of both sides.
/// </summary>
internal static class Speed
{
    public static int Run(string outJson, Options options)
    {
        var threads = options.Int("threads", 2);
        var batch = options.Int("batch", 32);
        var length = options.Int("length", 128);
        var warmup = options.Int("warmup", 2);
        var steps = options.Int("steps", 5);
        var inferRepeats = options.Int("infer", 5);
        var matmulRepeats = options.Int("matmul", 10);
        TorchRuntime.SetThreads(threads);
        var rssRuntime = ProcessMemory.RssMegabytes();

        manual_seed(1);
        using var model = new AffectClassifier(OnnxBertWeights.LoadMiniLM(), new AffectModelOptions(3, PoolingKind.TokenSelection, TopK: 16));
        GC.Collect();
        var rssModel = ProcessMemory.RssMegabytes();
        var peakModel = ProcessMemory.PeakRssMegabytes();
        var data = SyntheticBatch(batch, length);
        using var step = new TrainingStep(model, new AffectObjective(), new TrainingStepOptions(1000, 10, 5e-5));

        var forwardBackward = new List<double>();
        var optimizer = new List<double>();
        var stepSeconds = Time(warmup, steps, () =>
        {
            var clock = Stopwatch.StartNew();
            step.Accumulate(data, batch);
            forwardBackward.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            step.OptimizerStep();
            optimizer.Add(clock.Elapsed.TotalSeconds);
        });

        model.eval();
        var inferSeconds = Time(warmup, inferRepeats, () =>
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            _ = model.forward(data.InputIds, data.AttentionMask, data.TokenTypeIds).sum().item<float>();
        });

        using var a = randn(4096, 384);
        using var b = randn(384, 1536);
        var matmulSeconds = Time(3, matmulRepeats, () =>
        {
            using var c = a.matmul(b);
        });
        var flop = 2.0 * 4096 * 384 * 1536;

        var result = new
        {
            side = "ours",
            runtime = TorchRuntime.Describe(),
            threads = get_num_threads(),
            batch,
            length,
            step_seconds = stepSeconds,
            step_samples_per_s = stepSeconds.Select(s => batch / s),
            forward_backward_seconds = forwardBackward.Skip(warmup),
            clip_adamw_seconds = optimizer.Skip(warmup),
            infer_seconds = inferSeconds,
            infer_samples_per_s = inferSeconds.Select(s => batch / s),
            matmul_seconds = matmulSeconds,
            matmul_gflops = matmulSeconds.Select(s => flop / s / 1e9),
            peak_rss_mb = ProcessMemory.PeakRssMegabytes(),
            rss_after_runtime_mb = rssRuntime,
            rss_after_model_mb = rssModel,
            peak_rss_after_model_mb = peakModel,
        };
        var json = JsonSerializer.Serialize(result, ProcessMemory.Indented);
        File.WriteAllText(outJson, json);
        Console.WriteLine(json);
        data.InputIds.Dispose();
        data.AttentionMask.Dispose();
        data.TokenTypeIds.Dispose();
        data.Labels.Dispose();
        return 0;
    }

    /// <summary>The same batch as speed_peer.py: ids 1000 + (7i + 13t) mod 29000 after [CLS]=101, [SEP]=102 last, all real.</summary>
    private static TrainingBatch SyntheticBatch(int batch, int length)
    {
        var ids = new long[batch * length];
        for (var i = 0; i < batch; i++)
        {
            for (var t = 0; t < length; t++)
            {
                ids[(i * length) + t] = t == 0 ? 101 : t == length - 1 ? 102 : 1000 + (((7 * i) + (13 * t)) % 29000);
            }
        }

        var labels = Enumerable.Range(0, batch).Select(i => (long)(i % 3)).ToArray();
        return new TrainingBatch(tensor(ids, [batch, length]), ones(batch, length, dtype: ScalarType.Int64),
            zeros(batch, length, dtype: ScalarType.Int64), tensor(labels));
    }

    private static double[] Time(int warmup, int repeats, Action action)
    {
        for (var i = 0; i < warmup; i++)
        {
            action();
        }

        var seconds = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            seconds[i] = clock.Elapsed.TotalSeconds;
        }

        return seconds;
    }
}
