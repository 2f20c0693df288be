using Distributed.Learning.Collective;

namespace Distributed.Learning.Tests.Collective;

public sealed class RingAllReduceTests
{
    public static TheoryData<int, int> Cases()
    {
        var cases = new TheoryData<int, int>();
        foreach (var worldSize in new[] { 1, 2, 3, 4, 5 })
        {
            foreach (var length in new[] { 0, 1, 3, 7, 1000, 1001, (3 * RingAllReduce.PieceFloats) + 7 })
            {
                cases.Add(worldSize, length);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SumAsync_RandomInputs_AllRanksBitIdentical(int worldSize, int length)
    {
        var inputs = RingRanks.RandomInputs(worldSize, length, seed: (worldSize * 1009) + length);

        var results = await RingRanks.SumAsync(inputs);

        var first = RingRanks.Bits(results[0]);
        Assert.Equal(length, first.Length);
        Assert.All(results, result => Assert.True(first.AsSpan().SequenceEqual(RingRanks.Bits(result))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SumAsync_RandomInputs_WithinRelativeToleranceOfDoubleSum(int worldSize, int length)
    {
        var inputs = RingRanks.RandomInputs(worldSize, length, seed: (worldSize * 7919) + length);

        var results = await RingRanks.SumAsync(inputs);

        for (var i = 0; i < length; i++)
        {
            var exact = inputs.Sum(input => (double)input[i]);
            var magnitude = inputs.Sum(input => Math.Abs((double)input[i]));
            // Relative to the sum of magnitudes: the bound float32 summation guarantees even when terms cancel.
            Assert.True(Math.Abs(results[0][i] - exact) <= 1e-6 * magnitude, $"element {i}: {results[0][i]} vs {exact}");
        }
    }

    [Theory]
    [InlineData(3, 7)]
    [InlineData(4, 1001)]
    [InlineData(5, 3)]
    public async Task SumAsync_EachElement_SummedFromSegmentIndexRankAroundTheRing(int worldSize, int length)
    {
        var inputs = RingRanks.RandomInputs(worldSize, length, seed: 42);

        var results = await RingRanks.SumAsync(inputs);

        for (var segment = 0; segment < worldSize; segment++)
        {
            var offset = RingSegments.Offset(length, worldSize, segment);
            for (var i = offset; i < offset + RingSegments.Length(length, worldSize, segment); i++)
            {
                var expected = inputs[segment][i];
                for (var hop = 1; hop < worldSize; hop++)
                {
                    expected += inputs[(segment + hop) % worldSize][i];
                }

                Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(results[0][i]));
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task SumAsync_SendWaitsForTheReceiver_CompletesWithTheSameSums(int worldSize)
    {
        var inputs = RingRanks.RandomInputs(worldSize, 1001, seed: 3);
        var expected = await RingRanks.SumAsync(inputs);
        var transports = RendezvousRing.Create(worldSize);
        var buffers = inputs.Select(input => (float[])input.Clone()).ToArray();

        await Task.WhenAll(transports.Select((transport, rank) => new RingAllReduce(transport).SumAsync(buffers[rank], CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(buffers, buffer => Assert.Equal(RingRanks.Bits(expected[0]), RingRanks.Bits(buffer)));
    }

    [Fact]
    public async Task SumAsync_PeerNeverJoins_CancellationStopsTheWait()
    {
        var transports = InProcessRing.Create(2);
        using var cancellation = new CancellationTokenSource();

        var waiting = new RingAllReduce(transports[0]).SumAsync(new float[10], cancellation.Token);
        Assert.False(waiting.IsCompleted);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SumAsync_AlreadyCancelled_Throws()
    {
        var transports = InProcessRing.Create(1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new RingAllReduce(transports[0]).SumAsync(new float[3], new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task SumAsync_RanksDisagreeOnLength_Throws()
    {
        var transports = InProcessRing.Create(2);
        using var cancellation = new CancellationTokenSource();

        var rank0 = new RingAllReduce(transports[0]).SumAsync(new float[4], cancellation.Token);
        var rank1 = new RingAllReduce(transports[1]).SumAsync(new float[6], cancellation.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAny(rank0, rank1).Unwrap().WaitAsync(TimeSpan.FromSeconds(10)));
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => Task.WhenAll(rank0, rank1).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SumAsync_RepeatedCallsOnOneRing_EachSums()
    {
        var transports = InProcessRing.Create(3);
        var buffers = new[] { new float[] { 1, 2 }, [10, 20], [100, 200] };

        for (var call = 0; call < 3; call++)
        {
            await Task.WhenAll(transports.Select((transport, rank) => new RingAllReduce(transport).SumAsync(buffers[rank], CancellationToken.None)));
        }

        // Each call sums the three buffers: 111 -> 333 -> 999 and 222 -> 666 -> 1998.
        Assert.All(buffers, buffer => Assert.Equal([999f, 1998f], buffer));
    }
}
