using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Distributed.Learning.Collective;

/// <summary>
/// Decides whether a peer's certificate is acceptable: it must be present, within its validity period, pinned by its
/// SHA-256 thumbprint (when thumbprints are given) and issued by the trusted root (when one is given; custom root trust,
/// the machine's root store is never consulted). Host names and revocation are not checked: silos are addressed by IP
/// and identity is the pinned key or the CA's signature. One policy for both TLS uses: Orleans connections between silos
/// and clients, and the trainers' ring links (<see cref="RingTls"/>).
/// </summary>
public sealed class PeerCertificatePolicy
{
    public PeerCertificatePolicy(IEnumerable<string> allowedThumbprints, X509Certificate2? trustedRoot)
    {
        ArgumentNullException.ThrowIfNull(allowedThumbprints);
        AllowedThumbprints = allowedThumbprints
            .Select(t => TryNormalize(t) ?? throw new ArgumentException(
                $"'{t}' is not a SHA-256 certificate thumbprint (64 hex digits; X509Certificate2.Thumbprint is SHA-1, use Sha256Thumbprint).",
                nameof(allowedThumbprints)))
            .ToHashSet(StringComparer.Ordinal);
        if (AllowedThumbprints.Count == 0 && trustedRoot is null)
        {
            throw new ArgumentException("Give allowed thumbprints, a trusted root, or both; otherwise any certificate would be accepted.", nameof(allowedThumbprints));
        }

        TrustedRoot = trustedRoot;
    }

    /// <summary>The CA a peer's certificate must chain to; null means no chain check.</summary>
    public X509Certificate2? TrustedRoot { get; }

    /// <summary>Upper-case hex SHA-256 thumbprints; empty means no pinning.</summary>
    public IReadOnlySet<string> AllowedThumbprints { get; }

    /// <summary>The upper-case hex SHA-256 thumbprint of a certificate, as <c>Tls:AllowedThumbprints</c> expects it.</summary>
    public static string Sha256Thumbprint(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>The thumbprint in upper-case hex without separators, or null when it is not 64 hex digits.</summary>
    public static string? TryNormalize(string? thumbprint)
    {
        var hex = (thumbprint ?? "").Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }

    /// <summary>The check, shaped as Orleans' <c>RemoteCertificateValidator</c>. The platform's verdict is ignored except
    /// for a missing certificate: it judges against the machine's root store and host names.</summary>
    public bool IsAcceptable(X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors policyErrors)
    {
        if (certificate is null || policyErrors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        var now = DateTime.Now;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            return false;
        }

        if (AllowedThumbprints.Count > 0 && !AllowedThumbprints.Contains(Sha256Thumbprint(certificate)))
        {
            return false;
        }

        return TrustedRoot is null || ChainsToRoot(certificate, TrustedRoot);
    }

    private static bool ChainsToRoot(X509Certificate2 leaf, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        try
        {
            return chain.Build(leaf);
        }
        finally
        {
            foreach (var element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }
        }
    }
}
