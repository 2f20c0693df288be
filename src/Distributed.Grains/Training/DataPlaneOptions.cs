using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography.X509Certificates;
using Distributed.Abstractions.Options;
using Distributed.Learning.Collective;

namespace Distributed.Grains.Training;

/// <summary>
/// How this silo's trainers secure their gradient connections. Bound from the <c>DataPlane</c> section. Without a
/// certificate the links are plain TCP authenticated by the job's token; with one they are mutual TLS (and the token
/// handshake runs inside). Every trainer silo of a cluster must agree: a TLS rank and a plain rank cannot connect.
/// </summary>
public sealed class DataPlaneOptions : IOptionsSection, IValidatableObject
{
    public static string SectionName => "DataPlane";

    /// <summary>PKCS#12 file (.pfx) with this silo's certificate and private key; null = no TLS.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/> (a secret: <c>DataPlane__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>SHA-256 thumbprints (hex) of the peer certificates accepted (pinning).</summary>
    public string[] AllowedThumbprints { get; set; } = [];

    /// <summary>A CA certificate file (PEM or DER) the peer certificates must be issued by.</summary>
    public string? TrustedRootPath { get; set; }

    /// <summary>The TLS settings of the ring links, or null for plain TCP.</summary>
    public RingTls? Build()
    {
        if (CertificatePath is null)
        {
            return null;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword);
        var root = TrustedRootPath is null ? null : X509CertificateLoader.LoadCertificateFromFile(TrustedRootPath);
        return new RingTls(certificate, AllowedThumbprints, root);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CertificatePath is null)
        {
            if (AllowedThumbprints.Length > 0 || TrustedRootPath is not null)
            {
                yield return new ValidationResult("AllowedThumbprints and TrustedRootPath need a CertificatePath", [nameof(CertificatePath)]);
            }

            yield break;
        }

        if (!File.Exists(CertificatePath))
        {
            yield return new ValidationResult($"certificate file '{CertificatePath}' does not exist", [nameof(CertificatePath)]);
        }

        if (AllowedThumbprints.Length == 0 && TrustedRootPath is null)
        {
            yield return new ValidationResult("TLS needs AllowedThumbprints or a TrustedRootPath to check peers", [nameof(AllowedThumbprints)]);
        }

        if (TrustedRootPath is not null && !File.Exists(TrustedRootPath))
        {
            yield return new ValidationResult($"trusted root file '{TrustedRootPath}' does not exist", [nameof(TrustedRootPath)]);
        }
    }
}
