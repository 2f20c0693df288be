using Distributed.Learning.Collective;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Collective;

public sealed class GradientBucketsTests
{
    [Fact]
    public void Ctor_37FloatBuckets_FillsEveryBucketButTheLastAndSplitsLargeTensors()
    {
        var buckets = new GradientBuckets([12, 100, 5], bucketBytes: 148);

        Assert.Equal([37, 37, 37, 6], buckets.Buckets.Select(bucket => bucket.Length));
        Assert.Equal(
            [new GradientSlice(0, 0, 0, 12), new GradientSlice(1, 0, 12, 25)],
            buckets.Buckets[0].Slices);
        Assert.Equal([new GradientSlice(1, 25, 0, 37)], buckets.Buckets[1].Slices);
        Assert.Equal(
            [new GradientSlice(1, 99, 0, 1), new GradientSlice(2, 0, 1, 5)],
            buckets.Buckets[3].Slices);
    }

    [Fact]
    public void Ctor_NoElements_NoBuckets() => Assert.Empty(new GradientBuckets([0, 0]).Buckets);

    [Fact]
    public void Ctor_BucketSmallerThanOneFloat_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GradientBuckets([3], bucketBytes: 3));

    [Fact]
    public void PackThenUnpack_EveryBucket_RestoresTheGradients()
    {
        using var scope = NewDisposeScope();
        var gradients = new[] { arange(12, dtype: float32).reshape(3, 4), arange(100, 200, dtype: float32), ones(5) };
        var originals = gradients.Select(gradient => gradient.clone()).ToArray();
        var buckets = new GradientBuckets([.. gradients.Select(gradient => gradient.numel())], bucketBytes: 148);

        var packed = Enumerable.Range(0, buckets.Buckets.Count).Select(bucket => buckets.Pack(gradients, bucket)).ToArray();
        foreach (var gradient in gradients)
        {
            gradient.zero_();
        }

        for (var bucket = 0; bucket < packed.Length; bucket++)
        {
            buckets.Unpack(packed[bucket], bucket, gradients);
        }

        Assert.Equal([125f, 126f], packed[1][..2]); // stream position 37 = element 25 of arange(100, 200)
        Assert.All(gradients.Zip(originals), pair => Assert.Equal(pair.Second.data<float>().ToArray(), pair.First.data<float>().ToArray()));
    }

    [Fact]
    public void Pack_Float64Gradient_Throws()
    {
        using var scope = NewDisposeScope();
        var buckets = new GradientBuckets([4]);

        Assert.Throws<ArgumentException>(() => buckets.Pack([zeros(4, dtype: float64)], 0));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AllReduceGradientsAsync_37FloatBuckets_EqualsDirectSumOnEveryRank(int worldSize)
    {
        var ranks = Enumerable.Range(0, worldSize).Select(rank => GradientRank.Create(rank, skipLastLayer: false)).ToArray();
        var expected = GradientRank.DirectSum(ranks);

        await RunAsync(ranks);

        var first = ranks[0].GradientBits();
        Assert.All(ranks, rank => Assert.Equal(first, rank.GradientBits()));
        GradientRank.AssertClose(expected, ranks[0].Gradients());
        Assert.All(ranks, rank => rank.Dispose());
    }

    [Fact]
    public async Task AllReduceGradientsAsync_ParameterWithoutGradientOnOneRank_CountsAsZeros()
    {
        var ranks = new[] { GradientRank.Create(0, skipLastLayer: false), GradientRank.Create(1, skipLastLayer: true) };
        Assert.Null(ranks[1].Parameters[^1].grad);
        var expected = GradientRank.DirectSum(ranks);

        await RunAsync(ranks);

        Assert.Equal(ranks[0].GradientBits(), ranks[1].GradientBits());
        GradientRank.AssertClose(expected, ranks[1].Gradients());
        Assert.All(ranks, rank => rank.Dispose());
    }

    [Fact]
    public async Task AllReduceGradientsAsync_FrozenParameter_LeftWithoutGradient()
    {
        var ranks = Enumerable.Range(0, 2).Select(rank => GradientRank.Create(rank, skipLastLayer: false, freezeFirst: true)).ToArray();

        await RunAsync(ranks);

        Assert.All(ranks, rank => Assert.Null(rank.Parameters[0].grad));
        Assert.Equal(ranks[0].GradientBits(), ranks[1].GradientBits());
        Assert.All(ranks, rank => rank.Dispose());
    }

    private static async Task RunAsync(GradientRank[] ranks)
    {
        var transports = InProcessRing.Create(ranks.Length);
        await Task.WhenAll(ranks.Select((rank, index) => Task.Run(() => GradientBuckets.AllReduceGradientsAsync(
            rank.Parameters, new RingAllReduce(transports[index]), bucketBytes: 148, CancellationToken.None))))
            .WaitAsync(TimeSpan.FromSeconds(30));
    }
}
