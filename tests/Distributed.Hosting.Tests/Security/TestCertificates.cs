using Distributed.Learning.Collective;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Distributed.Hosting.Security;

namespace Distributed.Hosting.Tests.Security;

/// <summary>Self-signed ECDSA P-256 certificates written as password-protected PKCS#12 files (and PEM) into a temp folder.</summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates() => Folder = Directory.CreateTempSubdirectory("distributed-tls-").FullName;

    public string Folder { get; }

    /// <summary>A new certificate: the .pfx path, its password and its SHA-256 thumbprint.</summary>
    public (string Path, string Password, string Thumbprint) NewPkcs12(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var path = Path.Combine(Folder, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        using var reloaded = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        return (path, password, PeerCertificatePolicy.Sha256Thumbprint(reloaded));
    }

    /// <summary>A new certificate as PEM files (certificate, unencrypted PKCS#8 key) and its thumbprint.</summary>
    public (string CertificatePath, string KeyPath, string Thumbprint) NewPem(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(Folder, $"{name}.crt");
        var keyPath = Path.Combine(Folder, $"{name}.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, PeerCertificatePolicy.Sha256Thumbprint(certificate));
    }

    /// <summary>A CA certificate (with key) written as PEM; returns its path and the certificate for issuing.</summary>
    public (string Path, X509Certificate2 Certificate) NewCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
        var path = System.IO.Path.Combine(Folder, $"{name}.ca.crt");
        File.WriteAllText(path, ca.ExportCertificatePem());
        return (path, ca);
    }

    /// <summary>A leaf issued by <paramref name="ca"/>, written as PKCS#12 with a random password.</summary>
    public (string Path, string Password, string Thumbprint) NewIssuedPkcs12(string name, X509Certificate2 ca, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), notAfter ?? DateTimeOffset.UtcNow.AddDays(1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var path = System.IO.Path.Combine(Folder, $"{name}.pfx");
        File.WriteAllBytes(path, withKey.Export(X509ContentType.Pkcs12, password));
        return (path, password, PeerCertificatePolicy.Sha256Thumbprint(issued));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
