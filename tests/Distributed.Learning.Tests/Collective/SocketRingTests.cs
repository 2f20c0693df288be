using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Distributed.Learning.Collective;

namespace Distributed.Learning.Tests.Collective;

public sealed class SocketRingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static TheoryData<int, int> Cases()
    {
        var cases = new TheoryData<int, int>();
        foreach (var worldSize in new[] { 2, 3, 4 })
        {
            foreach (var length in new[] { 1001, 100_000 })
            {
                cases.Add(worldSize, length);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SumAsync_OverSockets_BitIdenticalAcrossRanksAndEqualToInProcessRing(int worldSize, int length)
    {
        var inputs = RingRanks.RandomInputs(worldSize, length, seed: (worldSize * 131) + length);
        var expected = await RingRanks.SumAsync(inputs);
        var transports = await ConnectRingAsync(worldSize, Guid.NewGuid(), NewToken());
        try
        {
            var buffers = inputs.Select(input => (float[])input.Clone()).ToArray();
            using var cancellation = new CancellationTokenSource(Timeout);
            await Task.WhenAll(transports.Select((transport, rank) =>
                Task.Run(() => new RingAllReduce(transport).SumAsync(buffers[rank], cancellation.Token), cancellation.Token)))
                .WaitAsync(Timeout);

            var bits = RingRanks.Bits(expected[0]);
            Assert.All(buffers, buffer => Assert.True(bits.AsSpan().SequenceEqual(RingRanks.Bits(buffer))));
        }
        finally
        {
            await DisposeAllAsync(transports);
        }
    }

    [Fact]
    public async Task ConnectAsync_WorldSizeOne_NoSocketsAndSumIsANoOp()
    {
        await using var listener = SocketRingListener.Start(IPAddress.Loopback);
        await using var transport = await listener.ConnectAsync(0, 1, next: null, Guid.NewGuid(), NewToken(), Timeout, CancellationToken.None);
        var data = new float[] { 1, 2, 3 };

        await new RingAllReduce(transport).SumAsync(data, CancellationToken.None);

        Assert.Equal([1f, 2f, 3f], data);
        await Assert.ThrowsAsync<InvalidOperationException>(() => transport.SendToNextAsync(data, CancellationToken.None).AsTask());
    }

    [Theory]
    [InlineData(true, 0)] // wrong token, right rank
    [InlineData(false, 1)] // right token, unexpected rank (rank 1's previous rank is 0)
    public async Task ConnectAsync_PeerWithWrongTokenOrRank_IsRejectedAndTheRightPeerStillConnects(bool wrongToken, int claimedRank)
    {
        var ringId = Guid.NewGuid();
        var token = NewToken();
        using var cancellation = new CancellationTokenSource(Timeout);
        await using var listener0 = SocketRingListener.Start(IPAddress.Loopback);
        await using var listener1 = SocketRingListener.Start(IPAddress.Loopback);

        // The impostor reaches rank 1's accept queue before the real rank 0, so rank 1 handshakes with it first.
        using var impostor = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await impostor.ConnectAsync(listener1.EndPoint, cancellation.Token);

        var rank0 = listener0.ConnectAsync(0, 2, listener1.EndPoint, ringId, token, Timeout, cancellation.Token);
        var rank1 = listener1.ConnectAsync(1, 2, listener0.EndPoint, ringId, token, Timeout, cancellation.Token);

        var impostorSawClose = await TryImpostorHandshakeAsync(impostor, ringId, wrongToken ? NewToken() : token, claimedRank, worldSize: 2, cancellation.Token);
        Assert.True(impostorSawClose);

        await using var transport0 = await rank0.WaitAsync(Timeout);
        await using var transport1 = await rank1.WaitAsync(Timeout);
        var buffers = new[] { new float[] { 1, 2, 3 }, [10, 20, 30] };
        await Task.WhenAll(
            new RingAllReduce(transport0).SumAsync(buffers[0], cancellation.Token),
            new RingAllReduce(transport1).SumAsync(buffers[1], cancellation.Token)).WaitAsync(Timeout);
        Assert.All(buffers, buffer => Assert.Equal([11f, 22f, 33f], buffer));
    }

    [Fact]
    public async Task ConnectAsync_NextRankHasADifferentToken_FailsWithoutHanging()
    {
        var ringId = Guid.NewGuid();
        using var cancellation = new CancellationTokenSource(Timeout);
        await using var listener0 = SocketRingListener.Start(IPAddress.Loopback);
        await using var listener1 = SocketRingListener.Start(IPAddress.Loopback);

        var rank0 = listener0.ConnectAsync(0, 2, listener1.EndPoint, ringId, NewToken(), TimeSpan.FromSeconds(2), cancellation.Token);
        var rank1 = listener1.ConnectAsync(1, 2, listener0.EndPoint, ringId, NewToken(), TimeSpan.FromSeconds(2), cancellation.Token);

        // Rank 1 rejects rank 0's proof (rank 0 sees the connection closed), and no valid peer ever reaches either listener.
        await Assert.ThrowsAnyAsync<Exception>(() => rank0.WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<Exception>(() => rank1.WaitAsync(Timeout));
    }

    [Fact]
    public async Task ConnectAsync_NextRankNeverAnswers_ThrowsTimeoutException()
    {
        await using var listener0 = SocketRingListener.Start(IPAddress.Loopback);
        await using var silent = SocketRingListener.Start(IPAddress.Loopback);

        // The silent rank's kernel backlog accepts the TCP connection, but it never runs the handshake.
        var rank0 = listener0.ConnectAsync(0, 2, silent.EndPoint, Guid.NewGuid(), NewToken(), TimeSpan.FromMilliseconds(200), CancellationToken.None);

        await Assert.ThrowsAsync<TimeoutException>(() => rank0.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Dispose_ClosesSockets_LaterReceivesFailInsteadOfHanging()
    {
        var transports = await ConnectRingAsync(2, Guid.NewGuid(), NewToken());
        try
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            var pending = transports[1].ReceiveFromPreviousAsync(new float[16], cancellation.Token).AsTask();

            await transports[0].DisposeAsync();

            var neighbour = await Assert.ThrowsAsync<IOException>(() => pending.WaitAsync(Timeout));
            Assert.Contains("closed the connection", neighbour.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ObjectDisposedException>(
                () => transports[0].ReceiveFromPreviousAsync(new float[16], cancellation.Token).AsTask().WaitAsync(Timeout));
            await Assert.ThrowsAsync<ObjectDisposedException>(
                () => transports[0].SendToNextAsync(new float[16], cancellation.Token).AsTask().WaitAsync(Timeout));
        }
        finally
        {
            await DisposeAllAsync(transports);
        }
    }

    [Fact]
    public async Task ReceiveFromPreviousAsync_Cancelled_StopsTheWait()
    {
        var transports = await ConnectRingAsync(2, Guid.NewGuid(), NewToken());
        try
        {
            using var cancellation = new CancellationTokenSource();
            var pending = transports[0].ReceiveFromPreviousAsync(new float[16], cancellation.Token).AsTask();
            Assert.False(pending.IsCompleted);

            await cancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(Timeout));
        }
        finally
        {
            await DisposeAllAsync(transports);
        }
    }

    private static byte[] NewToken() => RandomNumberGenerator.GetBytes(32);

    private static async Task<SocketRingTransport[]> ConnectRingAsync(int worldSize, Guid ringId, byte[] token)
    {
        var listeners = Enumerable.Range(0, worldSize).Select(_ => SocketRingListener.Start(IPAddress.Loopback)).ToArray();
        try
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            return await Task.WhenAll(listeners.Select((listener, rank) =>
                listener.ConnectAsync(rank, worldSize, listeners[(rank + 1) % worldSize].EndPoint, ringId, token, Timeout, cancellation.Token)))
                .WaitAsync(Timeout);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                await listener.DisposeAsync();
            }
        }
    }

    private static async Task DisposeAllAsync(IEnumerable<SocketRingTransport> transports)
    {
        foreach (var transport in transports)
        {
            await transport.DisposeAsync();
        }
    }

    /// <summary>Runs the connecting side of the handshake; true if the acceptor then closed the connection.</summary>
    private static async Task<bool> TryImpostorHandshakeAsync(Socket socket, Guid ringId, byte[] token, int rank, int worldSize, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var nonce = new byte[32];
        await stream.ReadExactlyAsync(nonce, cancellationToken);
        var hello = new byte[32];
        "DLRG"u8.CopyTo(hello);
        BitConverter.TryWriteBytes(hello.AsSpan(4), SocketRingListener.ProtocolVersion);
        ringId.TryWriteBytes(hello.AsSpan(8, 16));
        BitConverter.TryWriteBytes(hello.AsSpan(24), rank);
        BitConverter.TryWriteBytes(hello.AsSpan(28), worldSize);
        var mac = HMACSHA256.HashData(token, nonce.Concat(hello).ToArray());
        await stream.WriteAsync(hello.Concat(mac).ToArray(), cancellationToken);

        var ack = new byte[32];
        return await stream.ReadAtLeastAsync(ack, 1, throwOnEndOfStream: false, cancellationToken) == 0;
    }
}
