using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training;

public sealed class TrainingSeedTests
{
    [Fact]
    public void Apply_SameSeed_RepeatsTorchAndSamplerDraws()
    {
        using var scope = NewDisposeScope();
        var first = TrainingSeed.Apply(11);
        var firstTorch = randn(4).data<float>().ToArray();
        var second = TrainingSeed.Apply(11);
        var secondTorch = randn(4).data<float>().ToArray();

        Assert.Equal(firstTorch, secondTorch);
        Assert.Equal(first.Next(), second.Next());
    }

    [Fact]
    public void Apply_DifferentSeed_ChangesTorchDraws()
    {
        using var scope = NewDisposeScope();
        TrainingSeed.Apply(11);
        var first = randn(4).data<float>().ToArray();
        TrainingSeed.Apply(12);
        Assert.NotEqual(first, randn(4).data<float>().ToArray());
    }
}
