using Distributed.Learning.Text;

namespace Distributed.Learning.Tests.Text;

public sealed class SegmentBudgetTests
{
    [Theory]
    [InlineData(40, 40, 29, 0.5, 14, 15)]
    [InlineData(40, 40, 29, 0.75, 21, 8)]
    [InlineData(2, 40, 29, 0.5, 2, 27)]
    [InlineData(40, 3, 29, 0.5, 26, 3)]
    [InlineData(10, 12, 29, 0.5, 10, 12)]
    [InlineData(0, 40, 29, 0.5, 0, 29)]
    [InlineData(40, 0, 29, 0.5, 29, 0)]
    [InlineData(200, 200, 100, 0.29, 29, 71)]
    [InlineData(40, 40, 29, 1.0, 29, 0)]
    [InlineData(40, 40, 29, 0.0, 0, 29)]
    public void Allocate_Lengths_SplitsBudgetByShare(int post, int description, int budget, double share,
        int expectedPost, int expectedDescription) =>
        Assert.Equal((expectedPost, expectedDescription), SegmentBudget.Allocate(post, description, budget, share));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Allocate_ShareOutsideUnitInterval_Throws(double share) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentBudget.Allocate(1, 1, 10, share));
}
