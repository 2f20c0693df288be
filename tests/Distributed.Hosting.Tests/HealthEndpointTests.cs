using System.Net;
using System.Net.Sockets;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Distributed.Hosting.Tests;

/// <summary>The silo executable's probe endpoints, on a real in-process silo (localhost membership).</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task HealthEndpoints_SiloStartingAndStopping_LiveThroughoutReadyOnlyWhileActive()
    {
        var root = Directory.CreateTempSubdirectory("distributed-health-").FullName;
        var port = FreePort();
        var gate = new StartGate();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddDistributedSources(null,
        [
            "--Data:Root", root,
            "--SiloHost:HealthPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--SiloHost:ShutdownTimeoutSeconds", "45",
        ]);
        builder.AddSiloHostEndpoints();
        builder.AddDistributedSilo();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(gate);
        using var host = builder.Build();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var starting = host.StartAsync();
            await gate.Reached.WaitAsync(TimeSpan.FromMinutes(1));

            // The silo is held before it joins: alive, not ready.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoint.LivePath)).StatusCode);
            var notReady = await http.GetAsync(HealthEndpoint.ReadyPath);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Contains("not Active", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            gate.Release();
            await starting.WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoint.LivePath)).StatusCode);
            var ready = await http.GetAsync(HealthEndpoint.ReadyPath);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/other")).StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(45), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);

            // The silo is held while it stops (draining): still alive, no longer ready.
            var stopping = host.StopAsync();
            await gate.Stopping.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoint.LivePath)).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(HealthEndpoint.ReadyPath)).StatusCode);
            gate.ReleaseStop();
            await stopping.WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            gate.Release();
            gate.ReleaseStop();
            await host.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AddSiloHostEndpoints_PortOutOfRange_NamesKey()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddDistributedSources(null, ["--SiloHost:HealthPort", "70000"]);

        var error = Assert.Throws<OptionsValidationException>(() => builder.AddSiloHostEndpoints());

        Assert.Contains("SiloHost:HealthPort = 70000: must be between 0 and 65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseKubernetesHostingInPod_PodVariablesMissing_AddsNothing()
    {
        var variables = new Dictionary<string, string?> { ["POD_NAME"] = "silo-0", ["POD_NAMESPACE"] = "distributed" };
        Assert.False(KubernetesPod.IsInPod(name => variables.GetValueOrDefault(name)));

        variables["POD_IP"] = "10.0.0.7";
        Assert.True(KubernetesPod.IsInPod(name => variables.GetValueOrDefault(name)));

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var before = builder.Services.Count;
        Assert.False(builder.UseKubernetesHostingInPod(_ => null));
        Assert.Equal(before, builder.Services.Count);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Holds the silo's start before it joins the cluster, and its stop while it drains, until the test releases it.</summary>
    private sealed class StartGate : ILifecycleParticipant<ISiloLifecycle>
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _stopReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public Task Stopping => _stopping.Task;

        public void Release() => _released.TrySetResult();

        public void ReleaseStop() => _stopReleased.TrySetResult();

        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe("test-start-gate", ServiceLifecycleStage.ApplicationServices,
                async _ =>
                {
                    _reached.TrySetResult();
                    await _released.Task;
                },
                async _ =>
                {
                    _stopping.TrySetResult();
                    await _stopReleased.Task;
                });
    }
}
