using Distributed.Learning.Objectives;
using TorchSharp;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Objectives;

public sealed class ClsPoolerTests
{
    [Fact]
    public void Forward_States_ReturnsFirstTokenState()
    {
        using var scope = NewDisposeScope();
        var states = arange(2 * 3 * 2, float64).reshape(2, 3, 2);
        var pooled = new ClsPooler().forward(states, ones(2, 3, int64));
        Assert.Equal(new double[] { 0, 1, 6, 7 }, pooled.data<double>().ToArray());
    }
}
