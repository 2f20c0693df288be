using System.Diagnostics;
using System.Text.Json;
using Distributed.Learning;
using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Text;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Parity;

/// <summary>
/// MVSA-Single (text only) with the imported MiniLM: exports what the PyTorch peer (tools/parity/mvsa_peer.py) needs
/// and runs our own fine-tuning (Trainer: AdamW, linear warm-up/decay, clipping, best epoch on dev weighted F1).
/// </summary>
internal static class Mvsa
{
    public static readonly string[] Labels = ["positive", "neutral", "negative"];
    public static readonly string[] Splits = ["train", "dev", "test"];

    /// <summary>Writes minilm.safetensors (bert.* keys) and {split}.safetensors (ids/mask/types/labels, F32 integers).</summary>
    public static int Export(string dataDir, string outDir, int maxLength = 64)
    {
        Directory.CreateDirectory(outDir);
        using (var encoder = OnnxBertWeights.LoadMiniLM())
        {
            var state = encoder.state_dict().ToDictionary(p => "bert." + p.Key, p => p.Value, StringComparer.Ordinal);
            SafetensorsFile.Write(Path.Combine(outDir, "minilm.safetensors"), state);
        }

        foreach (var split in Splits)
        {
            var data = Encode(dataDir, split, maxLength);
            using var scope = NewDisposeScope();
            var all = data.Batch(Enumerable.Range(0, data.Count).ToArray());
            SafetensorsFile.Write(Path.Combine(outDir, split + ".safetensors"), new Dictionary<string, Tensor>
            {
                ["input_ids"] = all.InputIds.to_type(ScalarType.Float32),
                ["attention_mask"] = all.AttentionMask.to_type(ScalarType.Float32),
                ["token_type_ids"] = all.TokenTypeIds.to_type(ScalarType.Float32),
                ["labels"] = all.Labels.to_type(ScalarType.Float32),
            });
            Console.WriteLine($"exported {split}: {data.Count} rows x {maxLength} tokens");
        }

        File.WriteAllText(Path.Combine(outDir, "labels.json"), JsonSerializer.Serialize(Labels));
        Console.WriteLine($"wrote {Path.GetFullPath(outDir)}");
        return 0;
    }

    /// <summary>Rows of DATA/{split}.jsonl encoded "[CLS] text [SEP]" by the MiniLM tokenizer, padded to maxLength.</summary>
    public static EncodedDataset Encode(string dataDir, string split, int maxLength, int limit = 0)
    {
        var encoder = new PairEncoder(TextTokenizer.MiniLM(), maxLength);
        var rows = new List<EncodedExample>();
        foreach (var line in File.ReadLines(Path.Combine(dataDir, split + ".jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.GetProperty("text").GetString() ?? "";
            var label = Array.IndexOf(Labels, doc.RootElement.GetProperty("label").GetString());
            if (label < 0)
            {
                throw new InvalidDataException($"{split}: unknown label in {line}");
            }

            var e = encoder.Encode(text, null);
            rows.Add(new EncodedExample(
                [.. e.InputIds.Select(v => (long)v)], [.. e.AttentionMask.Select(v => (long)v)],
                [.. e.TokenTypeIds.Select(v => (long)v)], label));
            if (limit > 0 && rows.Count >= limit)
            {
                break;
            }
        }

        return new EncodedDataset(rows, maxLength);
    }

    public static int Train(string dataDir, string outJson, Options options)
    {
        var seed = options.Int("seed", 1);
        var epochs = options.Int("epochs", 3);
        var lr = options.Double("lr", 5e-5);
        var maxLength = options.Int("max-length", 64);
        var batch = options.Int("batch", 32);
        var warmupRatio = options.Double("warmup-ratio", 0.1);
        var lambda = options.Double("lambda", 0.1);
        var pooling = options.String("pooling", "token") switch
        {
            "token" => PoolingKind.TokenSelection,
            "mean" => PoolingKind.MaskedMean,
            var p => throw new ArgumentException($"--pooling must be token or mean, not {p}"),
        };
        var threads = options.Int("threads", 2);
        var limit = options.Int("limit-train", 0);

        TorchRuntime.SetThreads(threads);
        var clock = Stopwatch.StartNew();
        var train = Encode(dataDir, "train", maxLength, limit);
        var dev = Encode(dataDir, "dev", maxLength, limit > 0 ? limit : 0);
        var test = Encode(dataDir, "test", maxLength);

        TrainingSeed.Apply(seed);
        using var model = new AffectClassifier(OnnxBertWeights.LoadMiniLM(),
            new AffectModelOptions(Labels.Length, pooling, TopK: 16, Dropout: 0.1));
        var stepsPerEpoch = (train.Count + batch - 1) / batch;
        var totalSteps = stepsPerEpoch * epochs;
        var warmup = (int)Math.Round(totalSteps * warmupRatio);
        using var step = new TrainingStep(model, new AffectObjective(new AffectObjectiveOptions(lambda)),
            new TrainingStepOptions(totalSteps, warmup, lr, WeightDecay: 0.01, MaxGradNorm: 1.0));
        var trainer = new Trainer(model, step, Labels, new TrainerOptions(epochs, batch, seed, Patience: 2));
        var progress = new SyncProgress(p =>
        {
            if (p.BatchIndex % 20 == 0)
            {
                Console.WriteLine($"[ours seed {seed}] epoch {p.Epoch} batch {p.BatchIndex}/{stepsPerEpoch} loss {p.Loss.Total:F4} lr {p.LearningRate:G3} {clock.Elapsed.TotalSeconds:F0}s");
            }
        });
        var summary = trainer.Train(train, dev, progress);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var report = ModelEvaluator.Evaluate(model, test, Labels).Report;
        var result = new
        {
            side = "ours",
            runtime = TorchRuntime.Describe(),
            seed,
            epochs,
            lr,
            batch,
            max_length = maxLength,
            warmup_steps = warmup,
            total_steps = totalSteps,
            lambda,
            pooling = options.String("pooling", "token"),
            train_rows = train.Count,
            best_epoch = summary.BestEpoch,
            dev = summary.Epochs.Select(e => new { epoch = e.Epoch, train_loss = e.TrainLoss, weighted_f1 = e.DevWeightedF1, accuracy = e.DevAccuracy }),
            test_accuracy = report.Accuracy,
            test_weighted_f1 = report.WeightedF1,
            test_macro_f1 = report.MacroF1,
            train_seconds = trainSeconds,
            total_seconds = clock.Elapsed.TotalSeconds,
            peak_rss_mb = ProcessMemory.PeakRssMegabytes(),
        };
        var json = JsonSerializer.Serialize(result, ProcessMemory.Indented);
        File.WriteAllText(outJson, json);
        Console.WriteLine(json);
        return 0;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}

/// <summary>Peak resident set size of this process (VmHWM in /proc/self/status).</summary>
internal static class ProcessMemory
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static double PeakRssMegabytes() => Status("VmHWM:");

    /// <summary>Current resident set size (VmRSS).</summary>
    public static double RssMegabytes() => Status("VmRSS:");

    private static double Status(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}
