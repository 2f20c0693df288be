using System.Net;

namespace Distributed.Benchmarks;

public static partial class ClusterAllReduceBenchmark
{
    /// <summary>
    /// The child process: runs silo B, joined to the primary silo on <paramref name="primaryPort"/>, until its standard
    /// input closes (the parent closes it when done, and the OS closes it when the parent exits for any reason).
    /// </summary>
    public static async Task<int> RunPeerAsync(int primaryPort, string clusterId, string dataRoot)
    {
        using var host = BenchmarkSilo.Build(BenchmarkSilo.FreePort(), new IPEndPoint(IPAddress.Loopback, primaryPort), clusterId, dataRoot);
        await host.StartAsync();
        await Console.In.ReadToEndAsync();
        await host.StopAsync(CancellationToken.None);
        return 0;
    }
}
