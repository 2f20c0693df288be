using Distributed.Grains.Training;
using Distributed.Learning.Collective;
using Microsoft.Extensions.DependencyInjection;

namespace Distributed.Grains.Tests;

/// <summary>
/// Ring all-reduce over grain calls between the two silos of the shared cluster: every rank ends with the same bits as the
/// in-process ring (same algorithm, same summation order), for buffers smaller and larger than one 4 MiB piece.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainRingTransportTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(2, 1001)]
    [InlineData(2, 2_500_000)] // segments of 5 MB: two pieces each
    [InlineData(3, 2)] // fewer elements than ranks: an empty segment
    [InlineData(3, 3_500_001)] // segments of 4.7 MB; ranks 0 and 2 share a silo
    public async Task SumAsync_RanksOnBothSilos_BitIdenticalToInProcessRing(int worldSize, int length)
    {
        var inputs = Enumerable.Range(0, worldSize).Select(rank => RandomBuffer(length, seed: rank + 1)).ToArray();
        var expected = await SumAsync(InProcessRing.Create(worldSize), inputs);

        var ringId = Guid.NewGuid();
        var transports = CreateRing(ringId, worldSize);
        try
        {
            var actual = await SumAsync(transports, inputs);

            for (var rank = 0; rank < worldSize; rank++)
            {
                Assert.True(expected[rank].AsSpan().SequenceEqual(actual[rank]), $"rank {rank} differs from the in-process ring");
                Assert.True(actual[0].AsSpan().SequenceEqual(actual[rank]), $"rank {rank} differs from rank 0");
            }
        }
        finally
        {
            foreach (var transport in transports)
            {
                await transport.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Receive_DifferentLengthThanSent_ThrowsInvalidOperation()
    {
        var transports = CreateRing(Guid.NewGuid(), 2);
        try
        {
            await transports[0].SendToNextAsync(new float[10], CancellationToken.None);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                async () => await transports[1].ReceiveFromPreviousAsync(new float[12], CancellationToken.None));
            Assert.Contains("disagree on the buffer length", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var transport in transports)
            {
                await transport.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Dispose_PendingReceive_ThrowsObjectDisposed()
    {
        var transports = CreateRing(Guid.NewGuid(), 2);
        var receiving = transports[1].ReceiveFromPreviousAsync(new float[4], CancellationToken.None).AsTask();

        await transports[1].DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => receiving);
        await transports[0].DisposeAsync();
    }

    [Fact]
    public async Task Send_AfterNextRankDisposed_FailsInsteadOfQueueing()
    {
        var transports = CreateRing(Guid.NewGuid(), 2);
        await transports[1].DisposeAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(
            async () => await transports[0].SendToNextAsync(new float[3], CancellationToken.None));

        Assert.Contains("was disposed", error.Message, StringComparison.Ordinal);
        await transports[0].DisposeAsync();
    }

    /// <summary>Rank r on silo r % 2, each transport built from its own silo's services.</summary>
    private GrainRingTransport[] CreateRing(Guid ringId, int worldSize)
    {
        var silos = fixture.Cluster.Silos;
        var siloOf = (int rank) => silos[rank % silos.Count];
        return [.. Enumerable.Range(0, worldSize).Select(rank =>
        {
            var services = siloOf(rank).ServiceProvider;
            return new GrainRingTransport(
                services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<GrainRingLinks>(),
                ringId, rank, worldSize, siloOf((rank + 1) % worldSize).SiloAddress);
        })];
    }

    private static async Task<float[][]> SumAsync(IReadOnlyList<IRingTransport> transports, float[][] inputs)
    {
        var buffers = inputs.Select(input => (float[])input.Clone()).ToArray();
        await Task.WhenAll(transports.Select((transport, rank) =>
            Task.Run(() => new RingAllReduce(transport).SumAsync(buffers[rank], CancellationToken.None))));
        return buffers;
    }

    private static float[] RandomBuffer(int length, int seed)
    {
        var random = new Random(seed);
        var buffer = new float[length];
        for (var i = 0; i < length; i++)
        {
            buffer[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return buffer;
    }
}
