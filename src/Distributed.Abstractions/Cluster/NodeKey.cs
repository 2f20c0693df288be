namespace Distributed.Abstractions.Cluster;

/// <summary>
/// Keys of silo-bound grains: <c>{silo address}</c> or <c>{silo address}/{suffix}</c>. A grain whose class carries
/// the silo-bound placement is activated on exactly the silo its key names, or not at all.
/// </summary>
public static class NodeKey
{
    private const char Separator = '/';

    public static string For(SiloAddress silo) => silo.ToParsableString();

    public static string For(SiloAddress silo, string suffix) => $"{silo.ToParsableString()}{Separator}{suffix}";

    /// <summary>The silo a key names.</summary>
    /// <exception cref="FormatException">The key does not start with a silo address.</exception>
    public static SiloAddress SiloOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var end = key.IndexOf(Separator, StringComparison.Ordinal);
        var address = end < 0 ? key : key[..end];
        try
        {
            return SiloAddress.FromParsableString(address);
        }
        catch (Exception ex) when (ex is not FormatException)
        {
            throw new FormatException($"'{key}' is not a silo-bound grain key (expected '<silo address>[/<suffix>]').", ex);
        }
    }
}
