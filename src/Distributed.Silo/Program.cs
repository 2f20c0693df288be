using Distributed.Hosting.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// The silo process: `distributed-silo [--cluster cluster-config/azurite.json] [--Silo:Roles:0 describer]`.
var builder = Host.CreateApplicationBuilder(args);
try
{
    builder.Configuration.AddDistributedSources(ClusterConfiguration.Resolve(builder.Configuration["cluster"]), args);
    builder.AddDistributedSilo();
    await builder.Build().RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException or FileNotFoundException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"distributed-silo: configuration error: {ex.Message}");
    return 1;
}
