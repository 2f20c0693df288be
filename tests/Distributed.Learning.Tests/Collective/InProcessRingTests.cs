using Distributed.Learning.Collective;

namespace Distributed.Learning.Tests.Collective;

public sealed class InProcessRingTests
{
    [Fact]
    public void Create_ThreeRanks_NumbersRanksInOrder()
    {
        var transports = InProcessRing.Create(3);

        Assert.Equal([0, 1, 2], transports.Select(transport => transport.Rank));
        Assert.All(transports, transport => Assert.Equal(3, transport.WorldSize));
    }

    [Fact]
    public async Task SendToNextAsync_LastRank_ArrivesAtRankZeroAsACopy()
    {
        var transports = InProcessRing.Create(3);
        var chunk = new float[] { 1, 2, 3 };

        await transports[2].SendToNextAsync(chunk, CancellationToken.None);
        chunk[0] = 99;
        var received = new float[3];
        await transports[0].ReceiveFromPreviousAsync(received, CancellationToken.None);

        Assert.Equal([1f, 2f, 3f], received);
    }

    [Fact]
    public void Create_ZeroRanks_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => InProcessRing.Create(0));
}
