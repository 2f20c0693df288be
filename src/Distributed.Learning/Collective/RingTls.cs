using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Distributed.Learning.Collective;

/// <summary>
/// TLS settings for the links of a socket ring (<see cref="SocketRingListener.ConnectAsync"/>): the certificate this rank
/// presents and how it checks the certificate its neighbour presents.
/// </summary>
/// <remarks>
/// <para>Mutual TLS, TLS 1.2 or 1.3 only: a rank presents <see cref="Certificate"/> both when it accepts (TLS server) and when
/// it connects (TLS client), and each side requires a certificate from the other. A remote certificate is accepted only if it
/// passes every configured check: its SHA-256 thumbprint is one of <see cref="AllowedThumbprints"/> (pinning; skipped when the
/// set is empty), and it chains to <see cref="TrustedRoot"/> (skipped when null; custom root trust, so the machine's root store
/// is never consulted). With pinning alone the remote certificate must also be within its validity period; the chain check
/// verifies that itself.</para>
/// <para>Not checked: host names (ranks are addressed by the IP endpoints the control plane hands out, so identity is the
/// pinned key or the CA signature, followed by the job-token handshake), revocation (no CRL/OCSP fetches from the data
/// plane), and key usages. Only the leaf certificate is sent, so with <see cref="TrustedRoot"/> the ranks' certificates
/// must be issued directly by that root.</para>
/// </remarks>
public sealed class RingTls
{
    private const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    private readonly SslStreamCertificateContext _context;
    private readonly PeerCertificatePolicy _peers;

    /// <summary>Validates and captures the settings.</summary>
    /// <param name="certificate">This rank's certificate; it must carry its private key (e.g. loaded with
    /// <see cref="X509CertificateLoader.LoadPkcs12(byte[], string?, X509KeyStorageFlags, Pkcs12LoaderLimits?)"/>) and be within
    /// its validity period.</param>
    /// <param name="allowedThumbprints">SHA-256 thumbprints (64 hex digits, case and <c>':'</c> separators ignored) of the
    /// certificates the neighbours may present; see <see cref="Sha256Thumbprint"/>.</param>
    /// <param name="trustedRoot">A CA certificate the neighbours' certificates must be issued by.</param>
    /// <exception cref="ArgumentException">No private key, outside the validity period, a malformed thumbprint, or neither
    /// thumbprints nor a root (which would accept any certificate).</exception>
    public RingTls(X509Certificate2 certificate, IEnumerable<string>? allowedThumbprints = null, X509Certificate2? trustedRoot = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException(
                $"The ring certificate '{certificate.Subject}' (SHA-256 {Sha256Thumbprint(certificate)}) has no private key; load it together with its key, e.g. from PKCS#12.",
                nameof(certificate));
        }

        var now = DateTime.Now;
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            throw new ArgumentException(
                $"The ring certificate '{certificate.Subject}' is valid only from {certificate.NotBefore:O} to {certificate.NotAfter:O}.", nameof(certificate));
        }

        _peers = new PeerCertificatePolicy(allowedThumbprints ?? [], trustedRoot);
        Certificate = certificate;
        _context = SslStreamCertificateContext.Create(certificate, additionalCertificates: null, offline: true);
    }

    /// <summary>The certificate (with private key) this rank presents on both of its links.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Upper-case SHA-256 thumbprints a neighbour's certificate must match; empty means no pinning.</summary>
    public IReadOnlySet<string> AllowedThumbprints => _peers.AllowedThumbprints;

    /// <summary>The CA a neighbour's certificate must chain to; null means no chain check.</summary>
    public X509Certificate2? TrustedRoot => _peers.TrustedRoot;

    /// <summary>The upper-case hex SHA-256 thumbprint of <paramref name="certificate"/>, as <see cref="AllowedThumbprints"/>
    /// expects it (<see cref="X509Certificate2.Thumbprint"/> is SHA-1 and is not accepted).</summary>
    public static string Sha256Thumbprint(X509Certificate certificate) => PeerCertificatePolicy.Sha256Thumbprint(certificate);

    internal SslServerAuthenticationOptions ServerOptions() => new()
    {
        ServerCertificateContext = _context,
        ClientCertificateRequired = true,
        EnabledSslProtocols = Protocols,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = IsAcceptable,
    };

    internal SslClientAuthenticationOptions ClientOptions(string targetHost) => new()
    {
        TargetHost = targetHost,
        ClientCertificateContext = _context,
        EnabledSslProtocols = Protocols,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = IsAcceptable,
    };

    // The platform's own verdict (sslPolicyErrors) is ignored except for a missing certificate: it judges against the
    // machine's root store and host names, neither of which identifies a ring peer.
    private bool IsAcceptable(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
    {
        if (certificate is null or X509Certificate2)
        {
            return _peers.IsAcceptable(certificate as X509Certificate2, chain, sslPolicyErrors);
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return _peers.IsAcceptable(leaf, chain, sslPolicyErrors);
    }
}
