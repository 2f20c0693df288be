using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Distributed.Learning.Collective;

namespace Distributed.Benchmarks;

/// <summary>
/// Ring all-reduce throughput over the in-process ring (memory copies and additions, no network) or over
/// <see cref="SocketRingTransport"/> on loopback TCP (all ranks in this process), optionally inside TLS (<c>socket-tls</c>: one
/// self-signed ECDSA P-256 certificate generated at start, pinned by every rank).
/// </summary>
public static class AllReduceBenchmark
{
    public static async Task RunAsync(int ranks, double megabytes, int repeats, string transport = "inprocess")
    {
        var (socket, tls) = (transport is "socket" or "socket-tls", transport == "socket-tls");
        var over = tls ? "SocketRingTransport (loopback TCP + TLS)" : socket ? "SocketRingTransport (loopback TCP)" : "InProcessRing";
        Measure.Header($"ring all-reduce over {over}: algorithm bandwidth (buffer bytes / time) and bus bandwidth (x 2(W-1)/W)",
            $"dotnet run -c Release --project tools/Distributed.Benchmarks -- allreduce --ranks {ranks} --mb {megabytes} --repeats {repeats} --transport {transport}");
        var length = (int)(megabytes * 1e6 / sizeof(float));
        using var certificate = tls ? SelfSignedCertificate() : null;
        var transports = socket ? await ConnectSocketRingAsync(ranks, certificate) : InProcessRing.Create(ranks);
        var buffers = Enumerable.Range(0, ranks).Select(rank => Enumerable.Repeat(1f / (rank + 1), length).ToArray()).ToArray();
        var reductions = transports.Select(transport => new RingAllReduce(transport)).ToArray();

        await SumAllAsync(reductions, buffers); // warm-up
        var milliseconds = await Measure.MedianMillisecondsAsync(repeats, () => SumAllAsync(reductions, buffers));

        var bytes = (double)length * sizeof(float);
        var algorithm = bytes / (milliseconds / 1e3) / 1e9;
        Console.WriteLine("ranks\tmb\tmedian_ms\talgorithm_gb_per_s\tbus_gb_per_s");
        Console.WriteLine($"{ranks}\t{bytes / 1e6:F1}\t{milliseconds:F1}\t{algorithm:F2}\t{algorithm * 2 * (ranks - 1) / ranks:F2}");
        foreach (var disposable in transports.OfType<IAsyncDisposable>())
        {
            await disposable.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<IRingTransport>> ConnectSocketRingAsync(int ranks, X509Certificate2? certificate)
    {
        var listeners = Enumerable.Range(0, ranks).Select(_ => SocketRingListener.Start(IPAddress.Loopback)).ToArray();
        var token = RandomNumberGenerator.GetBytes(32);
        var ringId = Guid.NewGuid();
        var tls = certificate is null ? null : new RingTls(certificate, [RingTls.Sha256Thumbprint(certificate)]);
        return await Task.WhenAll(listeners.Select((listener, rank) => listener.ConnectAsync(
            rank, ranks, listeners[(rank + 1) % ranks].EndPoint, ringId, token, TimeSpan.FromSeconds(30), CancellationToken.None, tls)));
    }

    /// <summary>A throwaway certificate, round-tripped through PKCS#12 so SslStream on Linux can use its private key.</summary>
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=allreduce benchmark", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }

    private static Task SumAllAsync(RingAllReduce[] reductions, float[][] buffers) =>
        Task.WhenAll(reductions.Select((reduction, rank) => Task.Run(() => reduction.SumAsync(buffers[rank], CancellationToken.None))));
}
