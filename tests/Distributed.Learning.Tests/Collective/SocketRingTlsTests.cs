using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Distributed.Learning.Collective;

namespace Distributed.Learning.Tests.Collective;

public sealed class SocketRingTlsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly X509Certificate2[] _certificates = [.. Enumerable.Range(0, 3).Select(rank => TestCertificates.SelfSigned($"rank {rank}"))];
    private readonly X509Certificate2 _stranger = TestCertificates.SelfSigned("stranger");

    public void Dispose()
    {
        foreach (var certificate in _certificates.Append(_stranger))
        {
            certificate.Dispose();
        }
    }

    [Theory]
    [InlineData(true)] // pinned self-signed certificates
    [InlineData(false)] // certificates issued by a ring CA, checked against it only
    public async Task SumAsync_OverTls_BitIdenticalAcrossRanksAndEqualToInProcessRing(bool pinned)
    {
        const int worldSize = 3;
        var inputs = RingRanks.RandomInputs(worldSize, 100_000, seed: 7);
        var expected = await RingRanks.SumAsync(inputs);
        using var authority = TestCertificates.Authority("ring ca");
        var issued = Enumerable.Range(0, worldSize).Select(rank => TestCertificates.IssuedBy(authority, $"rank {rank}")).ToArray();
        var settings = pinned ? PinnedSettings(_certificates) : [.. issued.Select(certificate => new RingTls(certificate, trustedRoot: authority))];
        var transports = await ConnectRingAsync(worldSize, Guid.NewGuid(), NewToken(), settings);
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
            foreach (var certificate in issued)
            {
                certificate.Dispose();
            }
        }
    }

    [Theory]
    [InlineData(true)] // presents a certificate whose thumbprint is not pinned
    [InlineData(false)] // presents no certificate at all
    public async Task ConnectAsync_PeerWithUnpinnedOrNoCertificate_IsRejectedAndTheRightPeerStillConnects(bool presentCertificate)
    {
        var ringId = Guid.NewGuid();
        var token = NewToken();
        var settings = PinnedSettings(_certificates[..2]);
        using var cancellation = new CancellationTokenSource(Timeout);
        await using var listener0 = SocketRingListener.Start(IPAddress.Loopback);
        await using var listener1 = SocketRingListener.Start(IPAddress.Loopback);

        // The impostor reaches rank 1's accept queue before the real rank 0, so rank 1 handshakes with it first.
        using var impostor = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await impostor.ConnectAsync(listener1.EndPoint, cancellation.Token);

        var rank0 = listener0.ConnectAsync(0, 2, listener1.EndPoint, ringId, token, Timeout, cancellation.Token, settings[0]);
        var rank1 = listener1.ConnectAsync(1, 2, listener0.EndPoint, ringId, token, Timeout, cancellation.Token, settings[1]);

        Assert.True(await ImpostorTlsIsRejectedAsync(impostor, presentCertificate ? _stranger : null, cancellation.Token));

        await using var transport0 = await rank0.WaitAsync(Timeout);
        await using var transport1 = await rank1.WaitAsync(Timeout);
        await AssertSumsAsync(transport0, transport1, cancellation.Token);
    }

    [Fact]
    public async Task ConnectAsync_NextRankPresentsUnpinnedCertificate_FailsWithAuthenticationExceptionNamingRankAndEndpoint()
    {
        var ringId = Guid.NewGuid();
        var token = NewToken();
        var pins = _certificates[..2].Select(RingTls.Sha256Thumbprint).ToArray();
        using var cancellation = new CancellationTokenSource(Timeout);
        await using var listener0 = SocketRingListener.Start(IPAddress.Loopback);
        await using var listener1 = SocketRingListener.Start(IPAddress.Loopback);
        var endpoint1 = listener1.EndPoint;

        var rank0 = listener0.ConnectAsync(0, 2, endpoint1, ringId, token, TimeSpan.FromSeconds(5), cancellation.Token, new RingTls(_certificates[0], pins));
        var rank1 = listener1.ConnectAsync(1, 2, listener0.EndPoint, ringId, token, TimeSpan.FromSeconds(5), cancellation.Token, new RingTls(_stranger, pins));

        var exception = await Assert.ThrowsAsync<AuthenticationException>(() => rank0.WaitAsync(Timeout));
        Assert.Contains("Rank 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains(endpoint1.ToString(), exception.Message, StringComparison.Ordinal);
        // Rank 0's listener rejected the stranger's certificate (and then closed), so rank 1 fails as well, within its timeout.
        await Assert.ThrowsAnyAsync<Exception>(() => rank1.WaitAsync(Timeout));
    }

    [Fact]
    public async Task ConnectAsync_NextRankCertificateFromAnotherAuthority_FailsWithAuthenticationException()
    {
        using var authority = TestCertificates.Authority("ring ca");
        using var otherAuthority = TestCertificates.Authority("other ca");
        using var certificate0 = TestCertificates.IssuedBy(authority, "rank 0");
        using var certificate1 = TestCertificates.IssuedBy(otherAuthority, "rank 1");
        var ringId = Guid.NewGuid();
        var token = NewToken();
        using var cancellation = new CancellationTokenSource(Timeout);
        await using var listener0 = SocketRingListener.Start(IPAddress.Loopback);
        await using var listener1 = SocketRingListener.Start(IPAddress.Loopback);

        var rank0 = listener0.ConnectAsync(0, 2, listener1.EndPoint, ringId, token, TimeSpan.FromSeconds(5), cancellation.Token,
            new RingTls(certificate0, trustedRoot: authority));
        var rank1 = listener1.ConnectAsync(1, 2, listener0.EndPoint, ringId, token, TimeSpan.FromSeconds(5), cancellation.Token,
            new RingTls(certificate1, trustedRoot: authority));

        var exception = await Assert.ThrowsAsync<AuthenticationException>(() => rank0.WaitAsync(Timeout));
        Assert.Contains("Rank 0", exception.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => rank1.WaitAsync(Timeout));
    }

    [Fact]
    public async Task ConnectAsync_PlainPeerWithTheRightTokenAtATlsListener_IsRejectedAndTheRightPeerStillConnects()
    {
        var ringId = Guid.NewGuid();
        var token = NewToken();
        var settings = PinnedSettings(_certificates[..2]);
        using var cancellation = new CancellationTokenSource(Timeout);
        await using var listener0 = SocketRingListener.Start(IPAddress.Loopback);
        await using var listener1 = SocketRingListener.Start(IPAddress.Loopback);
        using var plain = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await plain.ConnectAsync(listener1.EndPoint, cancellation.Token);

        var rank0 = listener0.ConnectAsync(0, 2, listener1.EndPoint, ringId, token, Timeout, cancellation.Token, settings[0]);
        var rank1 = listener1.ConnectAsync(1, 2, listener0.EndPoint, ringId, token, Timeout, cancellation.Token, settings[1]);

        // A plaintext hello (with a valid MAC over a made-up nonce) is not a TLS ClientHello: rank 1 drops it at once.
        await using (var stream = new NetworkStream(plain, ownsSocket: false))
        {
            var hello = new byte[32];
            "DLRG"u8.CopyTo(hello);
            BitConverter.TryWriteBytes(hello.AsSpan(4), SocketRingListener.ProtocolVersion);
            ringId.TryWriteBytes(hello.AsSpan(8, 16));
            BitConverter.TryWriteBytes(hello.AsSpan(28), 2);
            await stream.WriteAsync(hello.Concat(HMACSHA256.HashData(token, new byte[32].Concat(hello).ToArray())).ToArray(), cancellation.Token);
            Assert.Equal(0, await ReadToCloseAsync(stream, cancellation.Token));
        }

        await using var transport0 = await rank0.WaitAsync(Timeout);
        await using var transport1 = await rank1.WaitAsync(Timeout);
        await AssertSumsAsync(transport0, transport1, cancellation.Token);
    }

    [Fact]
    public async Task ConnectAsync_PlainRankNextToATlsRank_BothFailWithinTheTimeout()
    {
        var ringId = Guid.NewGuid();
        var token = NewToken();
        var timeout = TimeSpan.FromSeconds(1);
        await using var listener0 = SocketRingListener.Start(IPAddress.Loopback);
        await using var listener1 = SocketRingListener.Start(IPAddress.Loopback);
        var stopwatch = Stopwatch.StartNew();

        var plain = listener0.ConnectAsync(0, 2, listener1.EndPoint, ringId, token, timeout, CancellationToken.None);
        var tls = listener1.ConnectAsync(1, 2, listener0.EndPoint, ringId, token, timeout, CancellationToken.None, PinnedSettings(_certificates[..2])[1]);

        await Assert.ThrowsAnyAsync<Exception>(() => plain.WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<Exception>(() => tls.WaitAsync(Timeout));
        Assert.True(stopwatch.Elapsed < timeout + TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // control: the same capture over plain TCP does show the floats
    public async Task SumAsync_OverTls_WireDoesNotCarryThePlaintextFloats(bool useTls)
    {
        const float marker = 1234.5f;
        var ringId = Guid.NewGuid();
        var token = NewToken();
        var settings = useTls ? PinnedSettings(_certificates[..2]) : [null, null];
        using var cancellation = new CancellationTokenSource(Timeout);
        await using var listener0 = SocketRingListener.Start(IPAddress.Loopback);
        await using var listener1 = SocketRingListener.Start(IPAddress.Loopback);
        await using var relay = CapturingRelay.Start(listener1.EndPoint);

        // Rank 0 reaches rank 1 through the relay, which records what rank 0 sends.
        var rank0 = listener0.ConnectAsync(0, 2, relay.EndPoint, ringId, token, Timeout, cancellation.Token, settings[0]);
        var rank1 = listener1.ConnectAsync(1, 2, listener0.EndPoint, ringId, token, Timeout, cancellation.Token, settings[1]);
        await using (var transport0 = await rank0.WaitAsync(Timeout))
        await using (var transport1 = await rank1.WaitAsync(Timeout))
        {
            var buffers = new[] { Enumerable.Repeat(marker, 4096).ToArray(), Enumerable.Repeat(0.25f, 4096).ToArray() };
            await Task.WhenAll(
                new RingAllReduce(transport0).SumAsync(buffers[0], cancellation.Token),
                new RingAllReduce(transport1).SumAsync(buffers[1], cancellation.Token)).WaitAsync(Timeout);
            Assert.All(buffers, buffer => Assert.All(buffer, value => Assert.Equal(marker + 0.25f, value)));
        }

        // Rank 0's first send is a segment of its own input: 16 consecutive markers are 64 recognisable bytes.
        var plaintext = MemoryMarshal.AsBytes(Enumerable.Repeat(marker, 16).ToArray().AsSpan()).ToArray();
        var captured = await relay.CapturedAsync(Timeout);
        Assert.True(captured.Length > 4096 * sizeof(float) / 2, $"captured only {captured.Length} bytes");
        Assert.Equal(!useTls, captured.AsSpan().IndexOf(plaintext) >= 0);
    }

    [Fact]
    public async Task Dispose_OverTls_NeighbourReceiveFailsInsteadOfHanging()
    {
        var transports = await ConnectRingAsync(2, Guid.NewGuid(), NewToken(), PinnedSettings(_certificates[..2]));
        try
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            var pending = transports[1].ReceiveFromPreviousAsync(new float[16], cancellation.Token).AsTask();

            await transports[0].DisposeAsync();

            await Assert.ThrowsAsync<IOException>(() => pending.WaitAsync(Timeout));
        }
        finally
        {
            await DisposeAllAsync(transports);
        }
    }

    private static byte[] NewToken() => RandomNumberGenerator.GetBytes(32);

    /// <summary>One setting per certificate, each pinning all of their thumbprints.</summary>
    private static RingTls?[] PinnedSettings(X509Certificate2[] certificates)
    {
        var pins = certificates.Select(RingTls.Sha256Thumbprint).ToArray();
        return [.. certificates.Select(certificate => new RingTls(certificate, pins))];
    }

    private static async Task AssertSumsAsync(SocketRingTransport transport0, SocketRingTransport transport1, CancellationToken cancellationToken)
    {
        var buffers = new[] { new float[] { 1, 2, 3 }, [10, 20, 30] };
        await Task.WhenAll(
            new RingAllReduce(transport0).SumAsync(buffers[0], cancellationToken),
            new RingAllReduce(transport1).SumAsync(buffers[1], cancellationToken)).WaitAsync(Timeout, cancellationToken);
        Assert.All(buffers, buffer => Assert.Equal([11f, 22f, 33f], buffer));
    }

    private static async Task<SocketRingTransport[]> ConnectRingAsync(int worldSize, Guid ringId, byte[] token, RingTls?[] settings)
    {
        var listeners = Enumerable.Range(0, worldSize).Select(_ => SocketRingListener.Start(IPAddress.Loopback)).ToArray();
        try
        {
            using var cancellation = new CancellationTokenSource(Timeout);
            return await Task.WhenAll(listeners.Select((listener, rank) => listener.ConnectAsync(
                rank, worldSize, listeners[(rank + 1) % worldSize].EndPoint, ringId, token, Timeout, cancellation.Token, settings[rank])))
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

    /// <summary>Runs TLS as a client that trusts any server; true if the acceptor then failed the handshake or closed.</summary>
    private static async Task<bool> ImpostorTlsIsRejectedAsync(Socket socket, X509Certificate2? certificate, CancellationToken cancellationToken)
    {
        await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "ring",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
#pragma warning disable CA5359 // The impostor does not care who the ring rank is; the test is about the rank rejecting it.
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
#pragma warning restore CA5359
            ClientCertificates = certificate is null ? null : [certificate],
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(options, cancellationToken);
            return await ReadToCloseAsync(ssl, cancellationToken) == 0;
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException)
        {
            return true;
        }
    }

    /// <summary>Reads until the peer closes; returns the bytes read (0 if it closed without sending any).</summary>
    private static async Task<int> ReadToCloseAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64];
        var total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}
