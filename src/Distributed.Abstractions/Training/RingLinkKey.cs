using System.Globalization;
using Distributed.Abstractions.Cluster;

namespace Distributed.Abstractions.Training;

/// <summary>Keys of ring link grains (<see cref="IRingLinkGrain"/>): <c>{silo}/ring/{ringId:N}/{rank}</c>.</summary>
public static class RingLinkKey
{
    private const string Marker = "/ring/";

    /// <summary>The key of rank <paramref name="rank"/>'s link in ring <paramref name="ringId"/>, hosted on <paramref name="silo"/>.</summary>
    public static string For(SiloAddress silo, Guid ringId, int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        return NodeKey.For(silo, string.Create(CultureInfo.InvariantCulture, $"ring/{ringId:N}/{rank}"));
    }

    /// <summary>The ring id and rank a link key names.</summary>
    /// <exception cref="FormatException">The key is not a ring link key.</exception>
    public static (Guid RingId, int Rank) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf(Marker, StringComparison.Ordinal);
        var parts = at < 0 ? [] : key[(at + Marker.Length)..].Split('/');
        return parts.Length == 2
            && Guid.TryParseExact(parts[0], "N", out var ringId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rank)
            ? (ringId, rank)
            : throw new FormatException($"'{key}' is not a ring link key (expected '<silo>/ring/<ring id>/<rank>').");
    }
}
