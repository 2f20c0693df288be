using Distributed.Learning.Objectives;

namespace Distributed.Learning.Tests.Objectives;

public sealed class PoolersTests
{
    [Theory]
    [InlineData(PoolingKind.TokenSelection, typeof(TokenSelectionPooler))]
    [InlineData(PoolingKind.Cls, typeof(ClsPooler))]
    [InlineData(PoolingKind.MaskedMean, typeof(MaskedMeanPooler))]
    public void Create_EachKind_ReturnsMatchingPooler(PoolingKind kind, Type expected)
    {
        using var pooler = Poolers.Create(kind, 8);
        Assert.IsType(expected, pooler);
    }

    [Fact]
    public void Create_TokenSelectionWithoutOptions_KeepsSixteenTokens()
    {
        using var pooler = (TokenSelectionPooler)Poolers.Create(PoolingKind.TokenSelection, 8);
        Assert.Equal(16, pooler.TopK);
    }
}
