using Distributed.Hosting.Cluster;
using Distributed.Hosting.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

// The silo process: `distributed-silo [--cluster cluster-config/azurite.json] [--Silo:Roles:0 describer]`.
// In a Kubernetes pod (POD_NAME, POD_NAMESPACE, POD_IP set) it uses Orleans Kubernetes hosting; with
// SiloHost:HealthPort set it answers /healthz/live and /healthz/ready (see docs/ops/kubernetes.md).
var builder = Host.CreateApplicationBuilder(args);
try
{
    builder.Configuration.AddDistributedSources(ClusterConfiguration.Resolve(builder.Configuration["cluster"]), args);
    builder.AddSiloHostEndpoints();
    builder.AddDistributedSilo();
    builder.UseKubernetesHostingInPod();

    // Membership timing (how fast a dead silo is declared dead), e.g. --Orleans:Membership:ProbeTimeout 00:00:01;
    // tools/cluster.sh and the cluster tests shorten it. Unset keys keep Orleans' defaults.
    builder.Services.AddOptions<ClusterMembershipOptions>().Bind(builder.Configuration.GetSection("Orleans:Membership"));
    await builder.Build().RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException or FileNotFoundException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"distributed-silo: configuration error: {ex.Message}");
    return 1;
}
