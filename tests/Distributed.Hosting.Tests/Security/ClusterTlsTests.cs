using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;
using Distributed.Grains.Cluster;
using Distributed.Hosting.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Distributed.Hosting.Tests.Security;

/// <summary>
/// A real silo host and real client hosts on loopback ports (localhost clustering goes over TCP): with mutual TLS a grain
/// call works; a plain client, or a client whose certificate the silo does not pin, cannot connect. A client that cannot
/// complete the handshake keeps retrying the gateway, so "cannot connect" is: no grain call within 10 s, followed on the
/// same silo by a control client with a pinned certificate whose call succeeds.
/// </summary>
public sealed class ClusterTlsTests(ITestOutputHelper output) : IDisposable
{
    private readonly TestCertificates _certificates = new();
    private readonly string _root = Directory.CreateTempSubdirectory("distributed-tls-data-").FullName;

    [Fact]
    public async Task TlsSiloAndTlsClient_GrainCallWorks()
    {
        var silo = _certificates.NewPkcs12("silo");
        var client = _certificates.NewPkcs12("client");
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        using var siloHost = await StartSiloAsync(siloPort, gatewayPort, Tls(silo, client.Thumbprint, silo.Thumbprint));
        try
        {
            using var clientHost = BuildClient(gatewayPort, Tls(client, silo.Thumbprint));
            await clientHost.StartAsync();
            var nodes = await ClusterInventory.ListNodesAsync((IGrainFactory)clientHost.Services.GetService(typeof(IClusterClient))!);
            await clientHost.StopAsync();

            Assert.Single(nodes);
        }
        finally
        {
            await siloHost.StopAsync();
        }
    }

    [Fact]
    public async Task TrustedRootOnly_SiloAndClientIssuedByTheCa_GrainCallWorks()
    {
        var (caPath, ca) = _certificates.NewCa("cluster-ca");
        using var _ = ca;
        var silo = _certificates.NewIssuedPkcs12("silo", ca);
        var client = _certificates.NewIssuedPkcs12("client", ca);
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        using var siloHost = await StartSiloAsync(siloPort, gatewayPort, [.. Tls(silo), "--Tls:TrustedRootPath", caPath]);
        try
        {
            using var clientHost = BuildClient(gatewayPort, [.. Tls(client), "--Tls:TrustedRootPath", caPath]);
            await ConnectAndCallAsync(clientHost);
        }
        finally
        {
            await siloHost.StopAsync();
        }
    }

    [Fact]
    public async Task TlsSilo_PlainClient_CannotConnect()
    {
        var silo = _certificates.NewPkcs12("silo");
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        using var siloHost = await StartSiloAsync(siloPort, gatewayPort, Tls(silo, silo.Thumbprint));
        try
        {
            using var clientHost = BuildClient(gatewayPort, []);
            var error = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAndCallAsync(clientHost));
            output.WriteLine(error.GetType().FullName + ": " + error.Message);
            using var control = BuildClient(gatewayPort, Tls(silo, silo.Thumbprint));
            await ConnectAndCallAsync(control);
        }
        finally
        {
            await siloHost.StopAsync();
        }
    }

    [Fact]
    public async Task TlsSilo_ClientWithUnpinnedCertificate_CannotConnect()
    {
        var silo = _certificates.NewPkcs12("silo");
        var stranger = _certificates.NewPkcs12("stranger");
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        using var siloHost = await StartSiloAsync(siloPort, gatewayPort, Tls(silo, silo.Thumbprint));
        try
        {
            // The stranger trusts the silo, but the silo pins only its own certificate.
            using var clientHost = BuildClient(gatewayPort, Tls(stranger, silo.Thumbprint));
            var error = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAndCallAsync(clientHost));
            output.WriteLine(error.GetType().FullName + ": " + error.Message);
            using var control = BuildClient(gatewayPort, Tls(silo, silo.Thumbprint));
            await ConnectAndCallAsync(control);
        }
        finally
        {
            await siloHost.StopAsync();
        }
    }

    [Fact]
    public async Task TlsSilo_ClientThatDoesNotPinTheSilo_CannotConnect()
    {
        var silo = _certificates.NewPkcs12("silo");
        var client = _certificates.NewPkcs12("client");
        var other = _certificates.NewPkcs12("other");
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        using var siloHost = await StartSiloAsync(siloPort, gatewayPort, Tls(silo, client.Thumbprint, silo.Thumbprint));
        try
        {
            // The silo pins the client, but the client pins another certificate than the silo's.
            using var clientHost = BuildClient(gatewayPort, Tls(client, other.Thumbprint));
            var error = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAndCallAsync(clientHost));
            output.WriteLine(error.GetType().FullName + ": " + error.Message);
            using var control = BuildClient(gatewayPort, Tls(silo, silo.Thumbprint));
            await ConnectAndCallAsync(control);
        }
        finally
        {
            await siloHost.StopAsync();
        }
    }

    public void Dispose()
    {
        _certificates.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static async Task ConnectAndCallAsync(IHost clientHost)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await clientHost.StartAsync(timeout.Token);
        try
        {
            await ClusterInventory.ListNodesAsync((IGrainFactory)clientHost.Services.GetService(typeof(IClusterClient))!).WaitAsync(timeout.Token);
        }
        finally
        {
            await clientHost.StopAsync(CancellationToken.None);
        }
    }

    private static string[] Tls((string Path, string Password, string Thumbprint) certificate, params string[] allowed) =>
    [
        "--Tls:CertificatePath", certificate.Path,
        "--Tls:CertificatePassword", certificate.Password,
        .. allowed.SelectMany((t, i) => new[] { $"--Tls:AllowedThumbprints:{i}", t }),
    ];

    private async Task<IHost> StartSiloAsync(int siloPort, int gatewayPort, string[] tls)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddDistributedSources(null,
        [
            "--Cluster:SiloPort", siloPort.ToString(CultureInfo.InvariantCulture),
            "--Cluster:GatewayPort", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--Silo:Roles:0", "general",
            "--Data:Root", _root,
            .. tls,
        ]);
        builder.AddDistributedSilo();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static IHost BuildClient(int gatewayPort, string[] tls)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddDistributedSources(null,
        [
            "--Cluster:Mode", "Client",
            "--Cluster:GatewayPort", gatewayPort.ToString(CultureInfo.InvariantCulture),
            .. tls,
        ]);
        builder.AddDistributedClient();
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
