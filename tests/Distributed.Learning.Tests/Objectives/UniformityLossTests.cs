using Distributed.Learning.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Objectives;

public sealed class UniformityLossTests
{
    [Fact]
    public void Compute_Float64Batch_GradientMatchesCentralFiniteDifferences()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(11);
        var z = randn(5, 4, float64).requires_grad_();
        UniformityLoss.Compute(z).backward();
        var analytic = z.grad!.data<double>().ToArray();

        const double Step = 1e-6;
        var values = z.detach().clone();
        var flat = values.view(-1);
        for (var i = 0; i < flat.shape[0]; i++)
        {
            var original = flat[i].item<double>();
            flat[i] = original + Step;
            var plus = UniformityLoss.Compute(values).item<double>();
            flat[i] = original - Step;
            var minus = UniformityLoss.Compute(values).item<double>();
            flat[i] = original;
            Assert.Equal((plus - minus) / (2 * Step), analytic[i], 1e-6);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Compute_RanksWithOthersDetached_SummedGradientsEqualFullBatchGradient(int ranks)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        var full = randn(8, 4, float64).requires_grad_();
        var fullLoss = UniformityLoss.Compute(full);
        fullLoss.backward();
        var expected = full.grad!;

        var slices = full.detach().tensor_split(ranks, 0);
        var gathered = new List<Tensor>();
        for (var rank = 0; rank < ranks; rank++)
        {
            var local = slices[rank].clone().requires_grad_();
            var other = cat(slices.Where((_, r) => r != rank).ToArray(), 0);
            var rankLoss = UniformityLoss.Compute(local, other);
            rankLoss.backward();
            Assert.Equal(fullLoss.item<double>(), rankLoss.item<double>(), 1e-12);
            gathered.Add(local.grad!);
        }

        var summed = cat(gathered, 0);
        Assert.True(summed.allclose(expected, rtol: 0, atol: 1e-6), $"max diff {(summed - expected).abs().max().item<double>()}");
    }

    [Fact]
    public void Compute_OtherRows_ReceiveNoGradient()
    {
        using var scope = NewDisposeScope();
        var local = randn(3, 4, float64).requires_grad_();
        var other = randn(2, 4, float64).requires_grad_();
        UniformityLoss.Compute(local, other).backward();
        Assert.Null(other.grad);
        Assert.NotNull(local.grad);
    }

    [Fact]
    public void Compute_HandMadePairs_GivesKnownValues()
    {
        using var scope = NewDisposeScope();
        // Orthogonal directions (scaled, normalised inside): ||z_i - z_j||^2 = 2, so U = log exp(-2t) = -2t.
        var orthogonal = tensor(new double[,] { { 3, 0 }, { 0, 0.5 } });
        Assert.Equal(-4.0, UniformityLoss.Compute(orthogonal).item<double>(), 1e-12);
        Assert.Equal(-1.0, UniformityLoss.Compute(orthogonal, t: 0.5).item<double>(), 1e-12);
        // Three rows, two identical: pairs d = {0, 2, 2} → log((1 + 2 exp(-4)) / 3).
        var three = tensor(new double[,] { { 1, 0 }, { 2, 0 }, { 0, 1 } });
        Assert.Equal(Math.Log((1 + 2 * Math.Exp(-4)) / 3), UniformityLoss.Compute(three).item<double>(), 1e-12);
    }

    [Fact]
    public void Compute_SingleRow_ReturnsZero()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(0.0, UniformityLoss.Compute(ones(1, 4, float64)).item<double>());
    }
}
