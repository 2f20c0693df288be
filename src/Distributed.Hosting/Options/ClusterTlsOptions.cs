using System.ComponentModel.DataAnnotations;
using Distributed.Abstractions.Options;

namespace Distributed.Hosting.Options;

/// <summary>
/// Transport security of silo-to-silo and client-to-gateway connections. Bound from the <c>Tls</c> section. Without a
/// <see cref="CertificatePath"/> connections are plain TCP; with one, every connection is mutual TLS (TLS 1.2/1.3): each
/// side presents its certificate and accepts the other's only if it is pinned in <see cref="AllowedThumbprints"/> and/or
/// issued by <see cref="TrustedRootPath"/>. Every silo and client of a cluster must agree: a TLS and a plain endpoint
/// cannot talk.
/// </summary>
public sealed class ClusterTlsOptions : IOptionsSection, IValidatableObject
{
    public static string SectionName => "Tls";

    /// <summary>This process's certificate: a PKCS#12 file (.pfx/.p12) with its key, or a PEM certificate with
    /// <see cref="PrivateKeyPath"/>. Default: none (no TLS).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of a PEM <see cref="CertificatePath"/> (may be encrypted: then the password is its
    /// passphrase). Default: none (PKCS#12).</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>Password of the PKCS#12 file or encrypted PEM key; a secret: pass it as <c>Tls__CertificatePassword</c>
    /// or put it in a file named by <see cref="CertificatePasswordFile"/>. Default: none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>A file holding <see cref="CertificatePassword"/> (e.g. a mounted secret). Default: none.</summary>
    public string? CertificatePasswordFile { get; set; }

    /// <summary>SHA-256 thumbprints (64 hex digits, ':' allowed) of the certificates peers may present. Default: none.</summary>
    public string[] AllowedThumbprints { get; set; } = [];

    /// <summary>A CA certificate (PEM or DER) that peers' certificates must be issued by. Default: none.</summary>
    public string? TrustedRootPath { get; set; }

    /// <summary>Longest TLS handshake before the connection is dropped. Default: 10 s.</summary>
    [Range(1, 300, ErrorMessage = "must be between {1} and {2} seconds")]
    public int HandshakeTimeoutSeconds { get; set; } = 10;

    /// <summary>Whether TLS is on (a certificate is configured).</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>The password, inline or from its file.</summary>
    public string? ResolvePassword() => SecretValue.Resolve(
        CertificatePassword, CertificatePasswordFile, "Tls:CertificatePassword");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var error in SecretValue.Check(CertificatePassword, CertificatePasswordFile, nameof(CertificatePassword), nameof(CertificatePasswordFile)))
        {
            yield return error;
        }

        if (!Enabled)
        {
            if (AllowedThumbprints.Length > 0 || TrustedRootPath is not null || PrivateKeyPath is not null)
            {
                yield return new ValidationResult(
                    "is required when Tls:AllowedThumbprints, Tls:TrustedRootPath or Tls:PrivateKeyPath is set", [nameof(CertificatePath)]);
            }

            yield break;
        }

        if (!File.Exists(CertificatePath))
        {
            yield return new ValidationResult("the certificate file does not exist", [nameof(CertificatePath)]);
        }

        if (PrivateKeyPath is not null && !File.Exists(PrivateKeyPath))
        {
            yield return new ValidationResult("the private key file does not exist", [nameof(PrivateKeyPath)]);
        }

        if (AllowedThumbprints.Length == 0 && TrustedRootPath is null)
        {
            yield return new ValidationResult(
                "TLS needs Tls:AllowedThumbprints (pinned SHA-256 thumbprints) or Tls:TrustedRootPath to check peers; otherwise any certificate would be accepted",
                [nameof(AllowedThumbprints)]);
        }

        foreach (var thumbprint in AllowedThumbprints)
        {
            if (Distributed.Learning.Collective.PeerCertificatePolicy.TryNormalize(thumbprint) is null)
            {
                yield return new ValidationResult(
                    $"'{thumbprint}' is not a SHA-256 thumbprint (64 hex digits; the SHA-1 Thumbprint property is not accepted)", [nameof(AllowedThumbprints)]);
            }
        }

        if (TrustedRootPath is not null && !File.Exists(TrustedRootPath))
        {
            yield return new ValidationResult("the trusted root file does not exist", [nameof(TrustedRootPath)]);
        }
    }
}
