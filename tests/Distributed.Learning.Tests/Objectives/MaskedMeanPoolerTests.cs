using Distributed.Learning.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Objectives;

public sealed class MaskedMeanPoolerTests
{
    [Fact]
    public void Forward_HandMadeStates_AveragesRealTokensOnly()
    {
        using var scope = NewDisposeScope();
        var states = tensor(new double[] { 1, 10, 3, 30, 1e9, 1e9, 2, 4, 1e9, 1e9, 1e9, 1e9 }).reshape(2, 3, 2);
        var mask = tensor(new long[,] { { 1, 1, 0 }, { 1, 0, 0 } });
        var pooled = new MaskedMeanPooler().forward(states, mask);
        Assert.Equal(new double[] { 2, 20, 2, 4 }, pooled.data<double>().ToArray());
    }

    [Fact]
    public void Forward_RowWithoutRealTokens_PoolsToZeros()
    {
        using var scope = NewDisposeScope();
        var pooled = new MaskedMeanPooler().forward(ones(1, 3, 2, float64), zeros(1, 3, int64));
        Assert.Equal(new double[] { 0, 0 }, pooled.data<double>().ToArray());
    }
}
