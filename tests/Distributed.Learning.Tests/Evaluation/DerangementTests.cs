using Distributed.Learning.Evaluation;

namespace Distributed.Learning.Tests.Evaluation;

public sealed class DerangementTests
{
    [Fact]
    public void Create_ManySizesAndSeeds_IsPermutationWithoutFixedPoint()
    {
        for (var n = 2; n <= 40; n++)
        {
            for (var seed = 0; seed < 25; seed++)
            {
                var order = Derangement.Create(n, seed);
                Assert.Equal(Enumerable.Range(0, n), order.Order());
                Assert.All(Enumerable.Range(0, n), i => Assert.NotEqual(i, order[i]));
            }
        }
    }

    [Fact]
    public void Create_SameSeed_SameResult_OtherSeed_Differs()
    {
        Assert.Equal(Derangement.Create(100, 7), Derangement.Create(100, 7));
        Assert.NotEqual(Derangement.Create(100, 7), Derangement.Create(100, 8));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Create_FewerThanTwo_ThrowsSayingWhy(int n)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Derangement.Create(n, 1));
        Assert.Contains("at least 2", error.Message, StringComparison.Ordinal);
    }
}
