using Distributed.Learning.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Objectives;

public sealed class AffectObjectiveTests
{
    private static readonly long[] Labels = [0, 2, 1, 1, 0, 2, 2];

    [Fact]
    public void Compute_LambdaZero_IsExactlyCrossEntropyWithoutUniformity()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var logits = randn(7, 3, float64).requires_grad_();
        var pooled = randn(7, 4, float64).requires_grad_();
        var labels = tensor(Labels);

        var loss = new AffectObjective(new AffectObjectiveOptions(Lambda: 0)).Compute(logits, labels, pooled);
        loss.Total.backward();

        Assert.Null(loss.Uniformity);
        Assert.Same(loss.CrossEntropy, loss.Total);
        Assert.Equal(nn.functional.cross_entropy(logits, labels).item<double>(), loss.Total.item<double>());
        Assert.Null(pooled.grad);
    }

    [Fact]
    public void Compute_PositiveLambda_AddsWeightedUniformity()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(4);
        var logits = randn(7, 3, float64);
        var pooled = randn(7, 4, float64);

        var loss = new AffectObjective(new AffectObjectiveOptions(Lambda: 0.25)).Compute(logits, tensor(Labels), pooled);

        Assert.Equal(UniformityLoss.Compute(pooled).item<double>(), loss.Uniformity!.item<double>(), 1e-15);
        Assert.Equal(loss.CrossEntropy.item<double>() + 0.25 * loss.Uniformity.item<double>(), loss.Total.item<double>(), 1e-15);
    }

    [Fact]
    public void Compute_SlicesNormalisedByGlobalBatch_SumToFullBatchLoss()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(6);
        var logits = randn(7, 3, float64);
        var labels = tensor(Labels);
        var objective = new AffectObjective(new AffectObjectiveOptions(Lambda: 0), tensor(new[] { 1.0, 2.0, 0.5 }));

        var fullLoss = objective.Compute(logits, labels, logits).Total.item<double>();
        var sliceSum = 0.0;
        foreach (var (from, to) in new[] { (0, 3), (3, 5), (5, 7) })
        {
            sliceSum += objective.Compute(logits[from..to], labels[from..to], logits[from..to], normaliser: 7).Total.item<double>();
        }

        Assert.Equal(fullLoss, sliceSum, 1e-12);
    }

    [Fact]
    public void Compute_DataParallelRanks_SummedParameterGradientsEqualFullBatch()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(8);
        var encoder = nn.Linear(5, 4).to(float64);
        var head = nn.Linear(4, 3).to(float64);
        var inputs = randn(7, 5, float64);
        var labels = tensor(Labels);
        var objective = new AffectObjective(new AffectObjectiveOptions(Lambda: 0.5));
        var parameters = encoder.parameters().Concat(head.parameters()).ToArray();

        var fullPooled = encoder.forward(inputs);
        objective.Compute(head.forward(fullPooled), labels, fullPooled).Total.backward();
        var expected = parameters.Select(p => p.grad!.clone()).ToArray();

        foreach (var p in parameters)
        {
            p.grad!.zero_();
        }

        var allPooled = encoder.forward(inputs).detach(); // what the all-gather would deliver
        foreach (var (from, to) in new[] { (0, 2), (2, 5), (5, 7) })
        {
            var pooled = encoder.forward(inputs[from..to]);
            var other = cat([allPooled[..from], allPooled[to..]], 0);
            objective.Compute(head.forward(pooled), labels[from..to], pooled, other, normaliser: 7).Total.backward();
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            Assert.True(parameters[i].grad!.allclose(expected[i], rtol: 0, atol: 1e-12));
        }
    }
}
