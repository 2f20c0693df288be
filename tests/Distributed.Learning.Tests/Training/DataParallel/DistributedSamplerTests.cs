using Distributed.Learning.Training;
using Distributed.Learning.Training.DataParallel;

namespace Distributed.Learning.Tests.Training.DataParallel;

public sealed class DistributedSamplerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RemainingBatches_RankSlicesOfEachGlobalBatch_ConcatenateToTheGlobalBatchInOrder(int worldSize)
    {
        var ranks = Enumerable.Range(0, worldSize).Select(r => new DistributedSampler(37, 16, worldSize, r, 11)).ToArray();
        var perRank = ranks.Select(s => s.RemainingBatches().ToArray()).ToArray();
        var reference = new DistributedSampler(37, 16, worldSize, 0, 11);

        for (var b = 0; b < reference.BatchesPerEpoch; b++)
        {
            var joined = perRank.SelectMany(batches => batches[b].Rows).ToArray();
            Assert.Equal(reference.GlobalBatchAt(0, b), joined);
            Assert.Equal(joined.Length, joined.Distinct().Count());
            Assert.All(perRank, batches => Assert.Equal(joined.Length, batches[b].GlobalSize));
        }
    }

    [Fact]
    public void RemainingBatches_OneRank_EqualsEpochSamplerBatches()
    {
        var single = new EpochSampler(37, 16, 5);
        var distributed = new DistributedSampler(37, 16, 1, 0, 5);

        for (var epoch = 0; epoch < 2; epoch++)
        {
            var expected = single.RemainingBatches().ToArray();
            var actual = distributed.RemainingBatches().ToArray();
            Assert.Equal(expected.Length, actual.Length);
            for (var b = 0; b < expected.Length; b++)
            {
                Assert.Equal(expected[b], actual[b].Rows);
                Assert.Equal((epoch, b, expected[b].Length, 0), (actual[b].Epoch, actual[b].BatchIndex, actual[b].GlobalSize, actual[b].Offset));
            }

            Assert.Equal(single.Position, distributed.Position);
        }
    }

    [Fact]
    public void RankSliceOf_SixteenRowsThreeRanks_FirstRankTakesTheExtraRow()
    {
        var slices = Enumerable.Range(0, 3).Select(r => RankSlice.Of(16, 3, r)).ToArray();

        Assert.Equal([new RankSlice(0, 6), new RankSlice(6, 5), new RankSlice(11, 5)], slices);
    }

    [Fact]
    public void RankBatchAt_LastPartialBatchSmallerThanWorld_SplitsTheSameWayWithEmptyRanks()
    {
        // 35 rows, G = 16: batches of 16, 16 and 3; W = 5 splits the last one 1, 1, 1, 0, 0.
        var samplers = Enumerable.Range(0, 5).Select(r => new DistributedSampler(35, 16, 5, r, 2)).ToArray();

        var last = samplers.Select(s => s.RankBatchAt(0, 2)).ToArray();

        Assert.Equal([1, 1, 1, 0, 0], last.Select(b => b.Rows.Length));
        Assert.Equal([0, 1, 2, 3, 3], last.Select(b => b.Offset));
        Assert.All(last, b => Assert.Equal(3, b.GlobalSize));
        Assert.Equal(samplers[0].GlobalBatchAt(0, 2), last.SelectMany(b => b.Rows));
        Assert.Empty(last[4].MicroBatches(2));
    }

    [Fact]
    public void Restore_MidEpoch_ContinuesWithTheSameRankBatches()
    {
        var full = new DistributedSampler(50, 8, 3, 1, 9).RemainingBatches().ToArray();
        var resumed = new DistributedSampler(50, 8, 3, 1, 9);

        resumed.Restore(new SamplerPosition(0, 4));
        var rest = resumed.RemainingBatches().ToArray();

        Assert.Equal(full[4..].Select(b => b.Rows), rest.Select(b => b.Rows));
        Assert.Equal(new SamplerPosition(1, 0), resumed.Position);
    }

    [Fact]
    public void MicroBatches_SixRowsAtMostFour_CutsFourThenTwo()
    {
        var batch = new RankBatch(0, 0, 16, 0, [9, 8, 7, 6, 5, 4]);

        Assert.Equal([[9, 8, 7, 6], [5, 4]], batch.MicroBatches(4));
        Assert.Equal([[9, 8, 7, 6, 5, 4]], batch.MicroBatches());
    }

    [Fact]
    public void Ctor_RankOutsideWorld_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(10, 4, 2, 2, 0));
    }
}
