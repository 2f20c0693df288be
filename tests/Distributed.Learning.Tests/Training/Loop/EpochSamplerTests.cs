using Distributed.Learning.Training;

namespace Distributed.Learning.Tests.Training.Loop;

public sealed class EpochSamplerTests
{
    [Fact]
    public void RemainingBatches_OneEpoch_CoversEveryRowOnceWithSmallerLastBatch()
    {
        var sampler = new EpochSampler(10, 4, 1);
        var batches = sampler.RemainingBatches().ToList();

        Assert.Equal([4, 4, 2], batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10), batches.SelectMany(b => b).Order());
        Assert.Equal(new SamplerPosition(1, 0), sampler.Position);
    }

    [Fact]
    public void RemainingBatches_SameSeed_GivesSameOrderAndNewOrderPerEpoch()
    {
        var first = new EpochSampler(50, 8, 3);
        var second = new EpochSampler(50, 8, 3);
        var epochZero = first.RemainingBatches().SelectMany(b => b).ToArray();
        var epochOne = first.RemainingBatches().SelectMany(b => b).ToArray();

        Assert.Equal(epochZero, second.RemainingBatches().SelectMany(b => b));
        Assert.NotEqual(epochZero, epochOne);
        Assert.NotEqual(epochZero, new EpochSampler(50, 8, 4).RemainingBatches().SelectMany(b => b));
    }

    [Fact]
    public void Restore_MidEpoch_ContinuesWithTheSameBatches()
    {
        var straight = new EpochSampler(20, 3, 5);
        var all = straight.RemainingBatches().ToList();
        var resumed = new EpochSampler(20, 3, 5);
        resumed.Restore(new SamplerPosition(0, 4));

        Assert.Equal(all.Skip(4), resumed.RemainingBatches());
        Assert.Equal(all[2], straight.BatchAt(0, 2));
    }
}
