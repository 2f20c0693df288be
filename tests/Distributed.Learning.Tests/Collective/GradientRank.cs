using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Collective;

/// <summary>One rank's small three-layer model with gradients from its own random batch.</summary>
internal sealed class GradientRank : IDisposable
{
    private readonly Linear[] _layers;

    private GradientRank(Linear[] layers)
    {
        _layers = layers;
        Parameters = [.. layers.SelectMany(layer => layer.parameters())];
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>
    /// Layers 5→7→3→2 with identical weights on every rank (a fixed generator), a batch seeded by the rank, and a
    /// backward pass. With <paramref name="skipLastLayer"/> the
    /// last layer stays out of the loss, so its parameters have no gradient.
    /// </summary>
    public static GradientRank Create(int rank, bool skipLastLayer, bool freezeFirst = false)
    {
        Linear[] layers = [nn.Linear(5, 7), nn.Linear(7, 3), nn.Linear(3, 2)];
        using var scope = NewDisposeScope();
        using var weights = new Generator(42);
        using var inputs = new Generator((ulong)(1000 + rank));
        using (no_grad())
        {
            foreach (var parameter in layers.SelectMany(layer => layer.parameters()))
            {
                parameter.copy_(rand(parameter.shape, generator: weights) - 0.5);
            }
        }

        if (freezeFirst)
        {
            layers[0].weight!.requires_grad = false;
        }

        var hidden = layers[1].forward(layers[0].forward(randn(4, 5, generator: inputs)).tanh());
        var loss = skipLastLayer ? hidden.square().mean() : layers[2].forward(hidden.tanh()).square().mean();
        loss.backward();
        return new GradientRank(layers);
    }

    /// <summary>Each trainable parameter's gradient summed over the ranks in double precision (missing counts as zero).</summary>
    public static double[][] DirectSum(IReadOnlyList<GradientRank> ranks) =>
        [.. ranks[0].Parameters.Select((parameter, index) =>
        {
            var sum = new double[parameter.numel()];
            foreach (var rank in ranks)
            {
                using var gradient = rank.Parameters[index].grad;
                if (gradient is not null)
                {
                    var values = gradient.reshape(-1).data<float>().ToArray();
                    for (var i = 0; i < sum.Length; i++)
                    {
                        sum[i] += values[i];
                    }
                }
            }

            return sum;
        })];

    public static void AssertClose(double[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var p = 0; p < expected.Length; p++)
        {
            Assert.Equal(expected[p].Length, actual[p].Length);
            for (var i = 0; i < expected[p].Length; i++)
            {
                Assert.True(Math.Abs(expected[p][i] - actual[p][i]) <= 1e-6 * Math.Max(1, Math.Abs(expected[p][i])), $"parameter {p}[{i}]");
            }
        }
    }

    /// <summary>Gradients of the trainable parameters (all of them have one after the all-reduce).</summary>
    public float[][] Gradients() =>
        [.. Parameters.Where(parameter => parameter.requires_grad).Select(parameter =>
        {
            using var gradient = parameter.grad!;
            return gradient.reshape(-1).data<float>().ToArray();
        })];

    public int[] GradientBits() => [.. Gradients().SelectMany(values => values).Select(BitConverter.SingleToInt32Bits)];

    public void Dispose()
    {
        foreach (var layer in _layers)
        {
            layer.Dispose();
        }
    }
}
