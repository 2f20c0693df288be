using System.Net;
using System.Net.Sockets;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Distributed.Benchmarks;

/// <summary>
/// A silo for multi-process benchmarks: localhost (development) clustering with explicit ports, the production grain
/// registrations (<see cref="SiloHosting.AddDistributedGrains"/>), warnings only, logged to stderr (stdout carries results).
/// </summary>
internal static class BenchmarkSilo
{
    public const string ServiceId = "distributed-bench";

    /// <param name="primary">The primary silo's silo-to-silo endpoint; <c>null</c> makes this silo the primary.</param>
    public static IHost Build(int siloPort, IPEndPoint? primary, string clusterId, string dataRoot)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error); // on a loaded 2-core machine it warns about every pause
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, FreePort(), primary, ServiceId, clusterId);
            silo.AddDistributedGrains();
            silo.Services.Configure<DataRootOptions>(o => o.Root = dataRoot);
        });
        return builder.Build();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
