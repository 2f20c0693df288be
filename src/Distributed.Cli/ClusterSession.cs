using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Distributed.Cli;

/// <summary>
/// The cluster a command talks to: an in-process silo when embedded (the default), or a client connection to the
/// configured cluster. Logs go to standard error so standard output stays clean for the JSON summary.
/// </summary>
public sealed class ClusterSession : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterSession(IHost host, ClusterConnectionOptions options)
    {
        _host = host;
        Options = options;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public ClusterConnectionOptions Options { get; }

    public IClusterClient Client { get; }

    public static async Task<ClusterSession> StartAsync(IConfiguration configuration, bool verbose, CancellationToken ct)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);

        var options = configuration.ReadSection<ClusterConnectionOptions>();
        if (options.Mode == ClusterMode.Embedded)
        {
            builder.AddDistributedSilo("distributed-cli");
        }
        else
        {
            builder.AddDistributedClient();
        }

        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterSession(host, options);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
