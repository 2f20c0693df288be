using Distributed.Learning.Collective;

namespace Distributed.Learning.Tests.Collective;

public sealed class RingSegmentsTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 5)]
    [InlineData(7, 3)]
    [InlineData(1001, 4)]
    public void OffsetAndLength_CoverTheBufferContiguouslyWithSizesDifferingByAtMostOne(int length, int worldSize)
    {
        var next = 0;
        var sizes = new List<int>();
        for (var index = 0; index < worldSize; index++)
        {
            Assert.Equal(next, RingSegments.Offset(length, worldSize, index));
            var size = RingSegments.Length(length, worldSize, index);
            sizes.Add(size);
            next += size;
        }

        Assert.Equal(length, next);
        Assert.True(sizes.Max() - sizes.Min() <= 1);
    }

    [Fact]
    public void Length_IndexOutsideRing_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RingSegments.Length(10, 3, 3));
}
