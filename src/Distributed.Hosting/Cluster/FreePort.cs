using System.Net;
using System.Net.Sockets;

namespace Distributed.Hosting.Cluster;

/// <summary>Asks the OS for a free loopback TCP port (for embedded silos, so two CLI processes never collide).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
