using Distributed.Hosting.Cluster;
using Distributed.Hosting.Health;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
    await builder.Build().RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException or FileNotFoundException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"distributed-silo: configuration error: {ex.Message}");
    return 1;
}
