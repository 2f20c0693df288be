using Distributed.Learning.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Objectives;

public sealed class TokenSelectionPoolerTests
{
    private const int Hidden = 4;

    [Fact]
    public void Select_KnownScores_KeepsTopKRealTokensAndNeverPadding()
    {
        using var scope = NewDisposeScope();
        var pooler = ScoreByFirstFeature(new TokenSelectionOptions(TopK: 2));
        // Score = first feature. Padding (mask 0) carries huge states and scores and must never be picked.
        var states = States(new double[,] { { 0.5, 3, 1e6, -1, 2, 1e9 }, { 1e8, 7, 0.1, 1e7, 5, 6 } });
        var mask = tensor(new long[,] { { 1, 1, 0, 1, 1, 0 }, { 0, 1, 1, 0, 1, 1 } });

        var selection = pooler.Select(states, mask);

        Assert.Equal(new long[] { 1, 4, 1, 5 }, selection.Indices.data<long>().ToArray());
        var w = Softmax(3, 2);
        var v = Softmax(7, 6);
        AssertClose(new[] { w[0], w[1], v[0], v[1] }, selection.Weights);
        var expected = (w[0] * states[0, 1]) + (w[1] * states[0, 4]);
        Assert.True(selection.Pooled[0].allclose(expected, rtol: 0, atol: 1e-12));
    }

    [Fact]
    public void Select_FewerRealTokensThanK_GivesPaddingSlotsZeroWeight()
    {
        using var scope = NewDisposeScope();
        var pooler = ScoreByFirstFeature(new TokenSelectionOptions(TopK: 4));
        var states = States(new double[,] { { 1, 1e9, 2, 1e9, 1e9 } });
        var mask = tensor(new long[,] { { 1, 0, 1, 0, 0 } });

        var selection = pooler.Select(states, mask);

        var w = Softmax(2, 1);
        AssertClose(new[] { w[0], w[1], 0, 0 }, selection.Weights);
        Assert.Equal(new long[] { 2, 0 }, selection.Indices.data<long>().ToArray()[..2]);
        var expected = (w[0] * states[0, 2]) + (w[1] * states[0, 0]);
        Assert.True(selection.Pooled[0].allclose(expected, rtol: 0, atol: 1e-12));
    }

    [Fact]
    public void Forward_RowWithoutRealTokens_PoolsToZeros()
    {
        using var scope = NewDisposeScope();
        var pooler = ScoreByFirstFeature(new TokenSelectionOptions(TopK: 2));
        var pooled = pooler.forward(States(new double[,] { { 1, 2, 3 } }), zeros(1, 3, int64));
        Assert.Equal(new double[Hidden], pooled.data<double>().ToArray());
    }

    [Theory]
    [InlineData(TokenScorerKind.Linear)]
    [InlineData(TokenScorerKind.Mlp)]
    public void Forward_EqualScoresAndKAtLeastLength_EqualsMaskedMean(TokenScorerKind scorer)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(2);
        var pooler = new TokenSelectionPooler(Hidden, new TokenSelectionOptions(TopK: 16, Scorer: scorer)).to(float64);
        using (no_grad())
        {
            foreach (var p in pooler.parameters())
            {
                p.zero_();
            }
        }

        var states = randn(3, 6, Hidden, float64);
        var mask = tensor(new long[,] { { 1, 1, 1, 1, 1, 1 }, { 1, 1, 1, 0, 0, 0 }, { 1, 0, 1, 0, 1, 0 } });

        var pooled = pooler.forward(states, mask);

        Assert.True(pooled.allclose(new MaskedMeanPooler().forward(states, mask), rtol: 0, atol: 1e-12));
    }

    [Theory]
    [InlineData(TokenScorerKind.Linear)]
    [InlineData(TokenScorerKind.Mlp)]
    public void Backward_ThroughPooledFeatures_GivesNonZeroScorerWeightGradients(TokenScorerKind scorer)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(9);
        var pooler = new TokenSelectionPooler(Hidden, new TokenSelectionOptions(TopK: 3, Scorer: scorer));
        var mask = tensor(new long[,] { { 1, 1, 1, 1, 1, 0 }, { 1, 1, 0, 0, 0, 0 } });

        pooler.forward(randn(2, 6, Hidden), mask).square().sum().backward();

        // Weights only: a constant shift of all scores (the last bias) cannot change a softmax, so its gradient is 0.
        foreach (var p in pooler.parameters().Where(p => p.dim() == 2))
        {
            Assert.True(p.grad!.abs().sum().item<float>() > 0);
        }
    }

    /// <summary>A float64 pooler whose linear scorer returns the first feature of each token state.</summary>
    private static TokenSelectionPooler ScoreByFirstFeature(TokenSelectionOptions options)
    {
        var pooler = new TokenSelectionPooler(Hidden, options).to(float64);
        using (no_grad())
        {
            foreach (var p in pooler.parameters())
            {
                p.zero_();
                if (p.dim() == 2)
                {
                    p[0, 0] = tensor(1.0);
                }
            }
        }

        return pooler;
    }

    /// <summary>Token states [B,T,H] whose first feature is <paramref name="scores"/> and the rest distinct values.</summary>
    private static Tensor States(double[,] scores)
    {
        var (batch, length) = (scores.GetLength(0), scores.GetLength(1));
        var rest = arange(batch * length * (Hidden - 1), float64).reshape(batch, length, Hidden - 1);
        return cat([tensor(scores).unsqueeze(-1), rest], 2);
    }

    private static double[] Softmax(params double[] scores)
    {
        var exps = scores.Select(s => Math.Exp(s - scores.Max())).ToArray();
        return exps.Select(e => e / exps.Sum()).ToArray();
    }

    private static void AssertClose(double[] expected, Tensor actual) =>
        Assert.True(actual.allclose(tensor(expected).reshape(actual.shape), rtol: 0, atol: 1e-12), actual.ToString(true));
}
