using Distributed.Learning.Collective;

namespace Distributed.Learning.Tests.Collective;

public sealed class RingCollectivesTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 2)]
    [InlineData(4, 1)]
    public async Task BroadcastAsync_AnyRoot_EveryRankGetsTheRootsBits(int worldSize, int root)
    {
        var inputs = RingRanks.RandomInputs(worldSize, 1001, seed: 5);
        var transports = InProcessRing.Create(worldSize);

        await Task.WhenAll(transports.Select((transport, rank) =>
            Task.Run(() => new RingAllReduce(transport).BroadcastAsync(inputs[rank], root, CancellationToken.None))));

        var expected = RingRanks.Bits(RingRanks.RandomInputs(worldSize, 1001, seed: 5)[root]);
        Assert.All(inputs, result => Assert.Equal(expected, RingRanks.Bits(result)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task AllGatherAsync_BlocksOfDifferentLengthsSomeEmpty_ConcatenatedInRankOrderOnEveryRank(int worldSize)
    {
        var blocks = Enumerable.Range(0, worldSize).Select(rank => Enumerable.Range(0, rank % 3).Select(i => rank + (i / 10f)).ToArray()).ToArray();
        var transports = InProcessRing.Create(worldSize);

        var results = await Task.WhenAll(transports.Select((transport, rank) =>
            Task.Run(() => new RingAllReduce(transport).AllGatherAsync(blocks[rank], CancellationToken.None))));

        var expected = blocks.SelectMany(b => b).ToArray();
        Assert.All(results, result =>
        {
            Assert.Equal(RingRanks.Bits(expected), RingRanks.Bits(result.All));
            Assert.Equal(blocks.Select(b => b.Length), result.Lengths);
        });
    }
}
