using Distributed.Learning.Evaluation;

namespace Distributed.Learning.Tests.Evaluation;

public sealed class SplitRatiosTests
{
    [Fact]
    public void Constructor_Defaults_AreEightyTenTen()
    {
        var ratios = new SplitRatios();
        Assert.Equal((0.8, 0.1, 0.1), (ratios.Train, ratios.Dev, ratios.Test));
    }

    [Fact]
    public void Constructor_SumWithinTolerance_IsAccepted()
    {
        var ratios = new SplitRatios(0.7, 0.2, 0.1 + 5e-10);
        Assert.Equal(0.7, ratios.Train);
    }

    [Fact]
    public void Constructor_SumNotOne_ThrowsNamingTheValues()
    {
        var error = Assert.Throws<ArgumentException>(() => new SplitRatios(0.7, 0.2, 0.2));
        Assert.Contains("train=0.7, dev=0.2, test=0.2", error.Message, StringComparison.Ordinal);
        Assert.Contains("sum to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeShare_ThrowsNamingTheValues()
    {
        var error = Assert.Throws<ArgumentException>(() => new SplitRatios(1.1, -0.1, 0));
        Assert.Contains("dev=-0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NaNShare_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SplitRatios(double.NaN, 0.5, 0.5));
    }
}
