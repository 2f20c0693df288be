using System.Net;

namespace Distributed.Benchmarks;

public static partial class ClusterAllReduceBenchmark
{
    /// <summary>
    /// The child process: runs silo B, joined to the primary silo on <paramref name="primaryPort"/>, until its standard
    /// input closes (the parent closes it when done, and the OS closes it when the parent exits for any reason, even
    /// <c>kill -9</c>). Then it stops the silo, gracefully if that finishes within 10 s (it cannot once the primary, which
    /// holds the membership table, is gone), and exits either way.
    /// </summary>
    public static async Task<int> RunPeerAsync(int primaryPort, string clusterId, string dataRoot)
    {
        var host = BenchmarkSilo.Build(BenchmarkSilo.FreePort(), new IPEndPoint(IPAddress.Loopback, primaryPort), clusterId, dataRoot);
        await host.StartAsync();
        await Console.In.ReadToEndAsync();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var stopping = host.StopAsync(grace.Token);
        if (await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(15))) != stopping)
        {
            Console.Error.WriteLine("allreduce-cluster-peer: silo B did not stop within 15 s after its parent went away; exiting.");
            Environment.Exit(1);
        }

        host.Dispose();
        return 0;
    }
}
