namespace Distributed.Data.Manifests;

/// <summary>
/// Where images may come from. Local paths must lie inside the manifest's folder or one of
/// <see cref="AllowedRoots"/> (default none); http(s) is allowed only for hosts in <see cref="AllowedHttpHosts"/>
/// (exact host names, case-insensitive; default empty = http off).
/// </summary>
public sealed record ImageSourcePolicy
{
    /// <summary>The default policy: the manifest's folder only, no http.</summary>
    public static readonly ImageSourcePolicy Default = new();

    /// <summary>Extra folders local images may come from; default none.</summary>
    public IReadOnlyList<string> AllowedRoots { get; init; } = [];

    /// <summary>Hosts http(s) images may come from; default none.</summary>
    public IReadOnlyCollection<string> AllowedHttpHosts { get; init; } = [];

    /// <summary>True when <paramref name="host"/> is in <see cref="AllowedHttpHosts"/>.</summary>
    public bool AllowsHost(string host) =>
        AllowedHttpHosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase));
}
