namespace Distributed.Deployment.Tests;

/// <summary>An image reference split into name, tag and digest (<c>registry:5000/repo/name:tag@sha256:...</c>).</summary>
internal sealed record ContainerImage(string Name, string? Tag, string? Digest)
{
    public static ContainerImage Parse(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var digest = at >= 0 ? reference[(at + 1)..] : null;
        var rest = at >= 0 ? reference[..at] : reference;
        var colon = rest.LastIndexOf(':');
        var tagged = colon > rest.LastIndexOf('/');
        return new ContainerImage(tagged ? rest[..colon] : rest, tagged ? rest[(colon + 1)..] : null, digest);
    }

    /// <summary>A digest, or a tag other than <c>latest</c>.</summary>
    public bool IsPinned =>
        Digest is { Length: > 0 } || (Tag is { Length: > 0 } && !string.Equals(Tag, "latest", StringComparison.OrdinalIgnoreCase));
}
