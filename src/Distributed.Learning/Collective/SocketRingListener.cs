using System.Buffers.Binary;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;

namespace Distributed.Learning.Collective;

/// <summary>
/// Rendezvous for one rank of a TCP ring (<see cref="SocketRingTransport"/>): binds a listener on an ephemeral port, exposes
/// its <see cref="EndPoint"/> so a control plane can hand every rank its next neighbour's endpoint, then
/// <see cref="ConnectAsync"/> connects to the next rank and accepts exactly one authenticated peer from the previous rank.
/// </summary>
/// <remarks>
/// <para><b>Handshake</b> (every connection, before any gradient byte; integers little-endian):</para>
/// <list type="number">
/// <item>The accepting side sends a fresh random 32-byte nonce.</item>
/// <item>The connecting side sends a 32-byte hello — magic <c>"DLRG"</c>, version (int32, currently 1), ring id (16-byte
/// GUID), its rank (int32), world size (int32) — followed by <c>HMAC-SHA256(jobToken, nonce || hello)</c>.</item>
/// <item>The accepting side checks magic, version, ring id, world size, that the rank is its previous rank, and the MAC
/// (with <see cref="CryptographicOperations.FixedTimeEquals"/>). On any mismatch it closes the connection and keeps accepting
/// until the timeout. Otherwise it answers <c>HMAC-SHA256(jobToken, "ack" || mac)</c>, which the connecting side verifies
/// in constant time, so both sides prove knowledge of the token (mutual authentication) and the token never crosses the
/// wire.</item>
/// </list>
/// <para><b>TLS</b> (when <see cref="ConnectAsync"/> is given a <see cref="RingTls"/>): right after the TCP connection, both
/// sides run a mutual TLS 1.2/1.3 handshake (<see cref="SslStream"/>; the accepting side is the TLS server) and check each
/// other's certificate as <see cref="RingTls"/> describes; the token handshake above then runs inside TLS, and so do the
/// gradients, which are therefore encrypted and integrity-protected. TLS proves the peer holds an allowed key; the token
/// still proves it belongs to this job, ring and rank. A candidate whose TLS handshake fails (an unpinned or untrusted
/// certificate, no certificate, not TLS at all) is rejected like one that fails the token check. Both ends must agree on
/// TLS: a plain rank talking to a TLS rank fails (a plain acceptor rejects the TLS client quickly; a TLS acceptor and a plain
/// connector each wait for the other to speak first, until the timeout).</para>
/// <para>Candidates are handshaken one at a time, each bounded by the overall timeout: a peer that connects and then stalls
/// delays the right peer (up to that timeout) but cannot impersonate it. Without TLS, the connection after the handshake is
/// plain TCP: gradients are neither encrypted nor integrity-protected, so use it only on a trusted network.</para>
/// </remarks>
public sealed class SocketRingListener : IAsyncDisposable, IDisposable
{
    /// <summary>Handshake protocol version sent and required by this implementation.</summary>
    public const int ProtocolVersion = 1;

    private const int NonceLength = 32;
    private const int HelloLength = 32;
    private const int MacLength = 32;
    private static readonly byte[] Magic = "DLRG"u8.ToArray();
    private static readonly byte[] AckLabel = "ack"u8.ToArray();

    private readonly Socket _listener;
    private int _disposed;

    private SocketRingListener(Socket listener)
    {
        _listener = listener;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>The bound address and (ephemeral) port the previous rank must connect to.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Binds a TCP listener on <paramref name="address"/> with an ephemeral port and starts listening.</summary>
    public static SocketRingListener Start(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, 0));
            socket.Listen(16);
            return new SocketRingListener(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Connects this rank to <paramref name="next"/> (the listener endpoint of rank <c>(rank + 1) % worldSize</c>) and,
    /// concurrently, accepts the one connection from rank <c>(rank - 1 + worldSize) % worldSize</c>, authenticating both
    /// with <paramref name="jobToken"/> and, when <paramref name="tls"/> is given, wrapping both in TLS first (see the type
    /// remarks). Stops listening when it returns or fails. For <paramref name="worldSize"/> = 1 opens no connection and
    /// returns a transport without sockets. <paramref name="tls"/> null means plain TCP; all ranks of a ring must agree.
    /// </summary>
    /// <exception cref="TimeoutException">Both connections were not established within <paramref name="timeout"/>.</exception>
    /// <exception cref="IOException">The next rank rejected this rank's handshake (or, with TLS, closed the connection after
    /// the TLS handshake, typically because it rejected this rank's certificate) or failed its own proof.</exception>
    /// <exception cref="AuthenticationException">With TLS: the TLS handshake with the next rank failed (its certificate was
    /// not accepted, it rejected this one, or it does not speak TLS).</exception>
    public async Task<SocketRingTransport> ConnectAsync(
        int rank,
        int worldSize,
        IPEndPoint? next,
        Guid ringId,
        ReadOnlyMemory<byte> jobToken,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        RingTls? tls = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, worldSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        if (jobToken.IsEmpty)
        {
            throw new ArgumentException("The job token must not be empty.", nameof(jobToken));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (worldSize == 1)
        {
            Dispose();
            return new SocketRingTransport(rank, worldSize, null, null);
        }

        ArgumentNullException.ThrowIfNull(next);
        var token = jobToken.ToArray();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var previous = (rank - 1 + worldSize) % worldSize;
        var connecting = ConnectToNextAsync(next, ringId, rank, worldSize, token, tls, deadline.Token);
        var accepting = AcceptFromPreviousAsync(ringId, previous, worldSize, token, tls, deadline.Token);
        try
        {
            // If one side fails (say the next rank rejected us), stop waiting for the other instead of running out the clock.
            if ((await Task.WhenAny(connecting, accepting).ConfigureAwait(false)).IsFaulted)
            {
                await deadline.CancelAsync().ConfigureAwait(false);
            }

            await Task.WhenAll(connecting, accepting).ConfigureAwait(false);
            return new SocketRingTransport(rank, worldSize, await connecting.ConfigureAwait(false), await accepting.ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            await DisposeIfCompletedAsync(connecting).ConfigureAwait(false);
            await DisposeIfCompletedAsync(accepting).ConfigureAwait(false);
            if (exception is OperationCanceledException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Rank {rank} of ring {ringId}: its ring connections were not established within {timeout}.", exception);
            }

            throw;
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Stops listening (idempotent). Established connections belong to the transport and stay open.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _listener.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task DisposeIfCompletedAsync(Task<Stream> task)
    {
        if (task.IsCompletedSuccessfully)
        {
            await task.Result.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            // Observe the failure so it is not reported as unobserved; the stream it would have produced never existed.
            _ = task.Exception;
        }
    }

    private static async Task<Stream> ConnectToNextAsync(
        IPEndPoint next, Guid ringId, int rank, int worldSize, byte[] token, RingTls? tls, CancellationToken cancellationToken)
    {
        var socket = new Socket(next.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(next, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var nonce = new byte[NonceLength];
            if (tls is null)
            {
                await stream.ReadExactlyAsync(nonce, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await StartTlsAsClientAsync(ssl, tls, next, rank, nonce, cancellationToken).ConfigureAwait(false);
            }

            var message = new byte[HelloLength + MacLength];
            WriteHello(message.AsSpan(0, HelloLength), ringId, rank, worldSize);
            var mac = Mac(token, nonce, message.AsSpan(0, HelloLength));
            mac.CopyTo(message, HelloLength);
            await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);

            var ack = new byte[MacLength];
            try
            {
                await stream.ReadExactlyAsync(ack, cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException exception)
            {
                throw new IOException($"Rank {rank}: the next rank at {next} rejected the handshake (wrong token, ring id, rank or world size).", exception);
            }

            if (!CryptographicOperations.FixedTimeEquals(ack, Mac(token, AckLabel, mac)))
            {
                throw new IOException($"Rank {rank}: the peer at {next} did not prove knowledge of the job token.");
            }

            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs the client side of TLS on <paramref name="ssl"/>, then reads the acceptor's nonce through it.</summary>
    private static async Task StartTlsAsClientAsync(SslStream ssl, RingTls tls, IPEndPoint next, int rank, byte[] nonce, CancellationToken cancellationToken)
    {
        try
        {
            await ssl.AuthenticateAsClientAsync(tls.ClientOptions(next.Address.ToString()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new AuthenticationException(
                $"Rank {rank}: the TLS handshake with the next rank at {next} failed (its certificate was not accepted, it rejected this rank's, or it does not use TLS): {exception.Message}",
                exception);
        }

        try
        {
            await ssl.ReadExactlyAsync(nonce, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // With TLS 1.3 the client finishes its handshake before the server has checked the client certificate, so a
            // rejection shows up here, as an alert or a closed connection.
            throw new IOException(
                $"Rank {rank}: the next rank at {next} closed the TLS connection before the token handshake (it probably rejected this rank's certificate): {exception.Message}",
                exception);
        }
    }

    private async Task<Stream> AcceptFromPreviousAsync(Guid ringId, int previous, int worldSize, byte[] token, RingTls? tls, CancellationToken cancellationToken)
    {
        while (true)
        {
            var socket = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            socket.NoDelay = true;
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            var accepted = false;
            try
            {
                if (tls is not null)
                {
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                    stream = ssl;
                    await ssl.AuthenticateAsServerAsync(tls.ServerOptions(), cancellationToken).ConfigureAwait(false);
                }

                accepted = await TryHandshakeAsync(stream, ringId, previous, worldSize, token, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or SocketException or AuthenticationException && !cancellationToken.IsCancellationRequested)
            {
                // A peer that disconnected mid-handshake or failed TLS is just another rejected candidate.
            }
            finally
            {
                if (!accepted)
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                }
            }

            if (accepted)
            {
                return stream;
            }
        }
    }

    private static async Task<bool> TryHandshakeAsync(Stream stream, Guid ringId, int previous, int worldSize, byte[] token, CancellationToken cancellationToken)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        await stream.WriteAsync(nonce, cancellationToken).ConfigureAwait(false);
        var message = new byte[HelloLength + MacLength];
        await stream.ReadExactlyAsync(message, cancellationToken).ConfigureAwait(false);

        var expectedHello = new byte[HelloLength];
        WriteHello(expectedHello, ringId, previous, worldSize);
        var mac = message.AsSpan(HelloLength, MacLength);
        var helloMatches = message.AsSpan(0, HelloLength).SequenceEqual(expectedHello);
        var macMatches = CryptographicOperations.FixedTimeEquals(mac, Mac(token, nonce, expectedHello));
        if (!(helloMatches & macMatches))
        {
            return false;
        }

        await stream.WriteAsync(Mac(token, AckLabel, mac), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static void WriteHello(Span<byte> hello, Guid ringId, int rank, int worldSize)
    {
        Magic.CopyTo(hello);
        BinaryPrimitives.WriteInt32LittleEndian(hello[4..], ProtocolVersion);
        ringId.TryWriteBytes(hello.Slice(8, 16));
        BinaryPrimitives.WriteInt32LittleEndian(hello[24..], rank);
        BinaryPrimitives.WriteInt32LittleEndian(hello[28..], worldSize);
    }

    private static byte[] Mac(byte[] token, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var data = new byte[first.Length + second.Length];
        first.CopyTo(data);
        second.CopyTo(data.AsSpan(first.Length));
        return HMACSHA256.HashData(token, data);
    }
}
