using Distributed.Abstractions.Cluster;

namespace Distributed.Grains.Describing;

/// <summary>Keys of describer grains: <c>{silo}/describer/{endpoint name}</c>.</summary>
public static class DescriberKey
{
    private const string Marker = "/describer/";

    public static string For(SiloAddress silo, string endpoint) => NodeKey.For(silo, "describer/" + endpoint);

    public static string For(string siloAddress, string endpoint) => $"{siloAddress}{Marker}{endpoint}";

    public static string EndpointOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? throw new FormatException($"'{key}' is not a describer grain key.") : key[(at + Marker.Length)..];
    }
}
