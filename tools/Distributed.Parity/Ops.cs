using System.Diagnostics;
using System.Text.Json;
using Distributed.Learning;
using static TorchSharp.torch;

namespace Distributed.Parity;

/// <summary>
/// Per-op timings at the MiniLM shapes of the speed benchmark (batch 32 x 128, hidden 384, 12 heads, FFN 1536),
/// forward under no_grad, median milliseconds; tools/parity/ops_peer.py times the same ops in PyTorch.
/// </summary>
internal static class Ops
{
    public static int Run(string outJson, Options options)
    {
        TorchRuntime.SetThreads(options.Int("threads", 2));
        var repeats = options.Int("repeats", 10);
        manual_seed(1);
        using var noGrad = no_grad();
        using var x = randn(32, 128, 384);
        using var h = randn(32, 128, 1536);
        using var w1 = randn(1536, 384) * 0.02;
        using var b1 = zeros(1536);
        using var w2 = randn(384, 1536) * 0.02;
        using var b2 = zeros(384);
        using var scores = randn(32, 12, 128, 128);
        using var q = randn(32, 12, 128, 32);
        using var lnw = ones(384);
        using var lnb = zeros(384);
        var results = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["linear_384_to_1536"] = Median(repeats, () => nn.functional.linear(x, w1, b1)),
            ["linear_1536_to_384"] = Median(repeats, () => nn.functional.linear(h, w2, b2)),
            ["gelu_32x128x1536"] = Median(repeats, () => nn.functional.gelu(h)),
            ["softmax_32x12x128x128"] = Median(repeats, () => nn.functional.softmax(scores, -1)),
            ["attention_qk_matmul"] = Median(repeats, () => q.matmul(q.transpose(-1, -2))),
            ["attention_pv_matmul"] = Median(repeats, () => scores.matmul(q)),
            ["layer_norm_32x128x384"] = Median(repeats, () => nn.functional.layer_norm(x, [384], lnw, lnb, 1e-12)),
            ["add_32x128x384"] = Median(repeats, () => x + x),
        };
        if (options.Int("model", 0) == 1)
        {
            // The whole eval-mode encoder: our modules vs the same computation written with functional ops over the
            // same weights (as step_parity.py does), to tell module overhead from kernel time.
            using var model = Distributed.Learning.Encoder.OnnxBertWeights.LoadMiniLM();
            model.eval();
            var p = model.state_dict();
            using var ids = randint(1000, 29000, [32, 128]);
            using var mask = ones(32, 128, dtype: ScalarType.Int64);
            using var types = zeros(32, 128, dtype: ScalarType.Int64);
            results["encoder_modules"] = Median(3, () => model.forward(ids, mask, types));
            results["encoder_functional"] = Median(3, () => Functional(p, ids, mask, types));
        }

        if (options.Int("optimizer", 0) == 1)
        {
            // clip_grad_norm_ and AdamW.step alone over MiniLM-sized parameters with random gradients.
            using var model = Distributed.Learning.Encoder.OnnxBertWeights.LoadMiniLM();
            var parameters = model.parameters().ToArray();
            using (enable_grad())
            {
                foreach (var p in parameters)
                {
                    p.grad = randn_like(p) * 1e-3;
                }
            }

            using var adamw = optim.AdamW(parameters, 5e-5, 0.9, 0.999, 1e-8, 0.01);
            results["clip_grad_norm"] = Median(5, () => tensor(nn.utils.clip_grad_norm_(parameters, 1.0)));
            results["adamw_step"] = Median(5, () =>
            {
                adamw.step();
                return zeros(1);
            });
        }

        var json = JsonSerializer.Serialize(new { side = "ours", runtime = TorchRuntime.Describe(), median_ms = results }, ProcessMemory.Indented);
        File.WriteAllText(outJson, json);
        Console.WriteLine(json);
        return 0;
    }

    private static Tensor Functional(IDictionary<string, Tensor> p, Tensor ids, Tensor mask, Tensor types)
    {
        using var scope = NewDisposeScope();
        long b = ids.shape[0], t = ids.shape[1];
        Tensor Lin(Tensor x, string k) => nn.functional.linear(x, p[k + ".weight"], p[k + ".bias"]);
        Tensor Ln(Tensor x, string k) => nn.functional.layer_norm(x, [384], p[k + ".weight"], p[k + ".bias"], 1e-12);
        var positions = arange(t, dtype: ScalarType.Int64).unsqueeze(0);
        Tensor Embed(Tensor index, string k) => p[k].index_select(0, index.flatten()).view(index.shape[0], index.shape[1], 384);
        var x = Embed(ids, "embeddings.word_embeddings.weight") + Embed(types, "embeddings.token_type_embeddings.weight")
            + Embed(positions, "embeddings.position_embeddings.weight");
        x = Ln(x, "embeddings.LayerNorm");
        var additive = (1 - mask.to_type(ScalarType.Float32).unsqueeze(1).unsqueeze(2)) * float.MinValue;
        for (var i = 0; i < 6; i++)
        {
            var pre = $"encoder.layer.{i}.";
            Tensor Split(Tensor v) => v.view(b, t, 12, 32).transpose(1, 2);
            var q = Split(Lin(x, pre + "attention.self.query"));
            var k = Split(Lin(x, pre + "attention.self.key"));
            var v = Split(Lin(x, pre + "attention.self.value"));
            var scores = (q.matmul(k.transpose(-1, -2)) / Math.Sqrt(32)) + additive;
            var ctx = nn.functional.softmax(scores, -1).matmul(v).transpose(1, 2).reshape(b, t, 384);
            var attended = Ln(Lin(ctx, pre + "attention.output.dense") + x, pre + "attention.output.LayerNorm");
            var expanded = nn.functional.gelu(Lin(attended, pre + "intermediate.dense"));
            x = Ln(Lin(expanded, pre + "output.dense") + attended, pre + "output.LayerNorm");
        }

        return x.MoveToOuterDisposeScope();
    }

    private static double Median(int repeats, Func<Tensor> op)
    {
        op().Dispose();
        var ms = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            op().Dispose();
            ms[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(ms);
        return ms[repeats / 2];
    }
}
