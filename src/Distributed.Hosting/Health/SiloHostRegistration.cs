using Distributed.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Distributed.Hosting.Health;

/// <summary>What the silo executable adds around <c>AddDistributedSilo</c>: probe endpoints and the shutdown timeout.</summary>
public static class SiloHostRegistration
{
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A SiloHost value is invalid.</exception>
    public static IHostApplicationBuilder AddSiloHostEndpoints(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var host = builder.Configuration.ReadSection<SiloHostOptions>();
        builder.Services.AddSectionOptions<SiloHostOptions>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(host.ShutdownTimeoutSeconds));
        if (host.HealthPort != 0)
        {
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<SiloReadiness>();

            // Call this before AddDistributedSilo: hosted services start in order, so liveness answers while the silo
            // is still joining (readiness reads the silo's live status and says 503 until it is Active).
            builder.Services.AddHostedService<HealthEndpoint>();
        }

        return builder;
    }
}
