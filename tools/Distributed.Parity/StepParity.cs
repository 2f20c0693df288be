// Step-parity driver (C# side). Writes, into the output folder given as the only argument:
//   model.safetensors   full initial state dict of a seeded Small-profile AffectClassifier (F32);
//   batches.safetensors input_ids / attention_mask / token_type_ids / labels for every batch, as F32 holding
//                       exact small integers, keys "b{i}.input_ids" etc.;
//   config.json         the recipe (sizes, optimizer, schedule, lambdas) the Python side must reproduce;
//   losses_csharp.json  per-step losses for each lambda.
using System.Globalization;
using System.Text.Json;
using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Parity;

/// <summary>The 20-step parity check against tools/parity/step_parity.py (see tools/parity/README.md).</summary>
internal static class StepParity
{
    public static int Run(string folder)
    {
        var outDir = Directory.CreateDirectory(folder).FullName;
        const int Seed = 1234;
        const int Steps = 20;
        const int Batch = 8;
        const int Length = 16;
        const int Classes = 4;
        const int TopK = 8;
        const int Vocab = 128;
        const int Warmup = 2;
        const double LearningRate = 1e-3;
        double[] lambdas = [0.1, 0.0];

        set_num_threads(1);
        var config = BertConfig.Small(Vocab) with { HiddenDropoutProb = 0, AttentionProbsDropoutProb = 0 };
        var modelOptions = new AffectModelOptions(Classes, PoolingKind.TokenSelection, TopK, Dropout: 0);

        manual_seed(Seed);
        var initial = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        using (var model = new AffectClassifier(config, modelOptions))
        {
            foreach (var (name, value) in model.state_dict())
            {
                initial[name] = value.detach().clone();
            }
        }

        SafetensorsFile.Write(Path.Combine(outDir, "model.safetensors"), initial);

        var random = new Random(Seed);
        var batches = new List<TrainingBatch>();
        var batchTensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        for (var b = 0; b < Steps; b++)
        {
            var ids = new long[Batch * Length];
            var mask = new long[Batch * Length];
            var types = new long[Batch * Length];
            var labels = new long[Batch];
            for (var row = 0; row < Batch; row++)
            {
                // Real lengths 4..16, so some rows have fewer real tokens than TopK and most have padding.
                var real = random.Next(4, Length + 1);
                var split = random.Next(1, real);
                for (var t = 0; t < real; t++)
                {
                    ids[(row * Length) + t] = t == 0 ? 1 : random.Next(2, Vocab);
                    mask[(row * Length) + t] = 1;
                    types[(row * Length) + t] = t >= split ? 1 : 0;
                }

                labels[row] = random.Next(Classes);
            }

            var batch = new TrainingBatch(
                tensor(ids, [Batch, Length]), tensor(mask, [Batch, Length]), tensor(types, [Batch, Length]), tensor(labels, [Batch]));
            batches.Add(batch);
            batchTensors[$"b{b:D2}.input_ids"] = batch.InputIds;
            batchTensors[$"b{b:D2}.attention_mask"] = batch.AttentionMask;
            batchTensors[$"b{b:D2}.token_type_ids"] = batch.TokenTypeIds;
            batchTensors[$"b{b:D2}.labels"] = batch.Labels;
        }

        SafetensorsFile.Write(Path.Combine(outDir, "batches.safetensors"), batchTensors);

        var results = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var lambda in lambdas)
        {
            using var model = new AffectClassifier(config, modelOptions);
            model.load_state_dict(initial);
            var objective = new AffectObjective(new AffectObjectiveOptions(lambda));
            using var step = new TrainingStep(model, objective,
                new TrainingStepOptions(Steps, Warmup, LearningRate, WeightDecay: 0.01, MaxGradNorm: 1.0));
            var rows = new List<object>();
            foreach (var batch in batches)
            {
                var loss = step.Accumulate(batch, Batch);
                var update = step.OptimizerStep();
                rows.Add(new
                {
                    step = update.Step,
                    total = loss.Total,
                    cross_entropy = loss.CrossEntropy,
                    uniformity = loss.Uniformity,
                    lr = update.LearningRate,
                    grad_norm = update.GradientNorm,
                });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"lambda={lambda} step={update.Step,2} total={loss.Total:F6} ce={loss.CrossEntropy:F6} lr={update.LearningRate:G4} gnorm={update.GradientNorm:F6}"));
            }

            results[lambda.ToString("R", CultureInfo.InvariantCulture)] = rows;
        }

        var recipe = new
        {
            seed = Seed,
            steps = Steps,
            batch = Batch,
            length = Length,
            classes = Classes,
            top_k = TopK,
            vocab = Vocab,
            hidden = config.HiddenSize,
            layers = config.NumHiddenLayers,
            heads = config.NumAttentionHeads,
            intermediate = config.IntermediateSize,
            max_positions = config.MaxPositionEmbeddings,
            layer_norm_eps = config.LayerNormEps,
            pad_token_id = config.PadTokenId,
            warmup = Warmup,
            learning_rate = LearningRate,
            weight_decay = 0.01,
            max_grad_norm = 1.0,
            betas = new[] { 0.9, 0.999 },
            eps = 1e-8,
            t = UniformityLoss.DefaultT,
            lambdas,
        };
        var json = new JsonSerializerOptions { WriteIndented = true };
        File.WriteAllText(Path.Combine(outDir, "config.json"), JsonSerializer.Serialize(recipe, json));
        File.WriteAllText(Path.Combine(outDir, "losses_csharp.json"), JsonSerializer.Serialize(results, json));
        Console.WriteLine($"wrote {outDir}");
        return 0;
    }
}
