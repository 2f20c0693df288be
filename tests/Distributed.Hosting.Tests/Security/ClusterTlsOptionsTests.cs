using Distributed.Learning.Collective;
using Distributed.Hosting.Options;
using Distributed.Hosting.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Distributed.Hosting.Tests.Security;

public sealed class ClusterTlsOptionsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void ReadSection_Default_TlsOff()
    {
        Assert.False(Config().ReadSection<ClusterTlsOptions>().Enabled);
    }

    [Fact]
    public void ReadSection_MissingCertificateFile_NamesKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Config(
            ("Tls:CertificatePath", "/nonexistent/silo.pfx"), ("Tls:AllowedThumbprints:0", new string('A', 64))).ReadSection<ClusterTlsOptions>());

        Assert.Contains("Tls:CertificatePath = '/nonexistent/silo.pfx': the certificate file does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSection_NoPinsAndNoRoot_NamesKey()
    {
        var (path, _, _) = _certificates.NewPkcs12("silo");

        var error = Assert.Throws<OptionsValidationException>(() => Config(("Tls:CertificatePath", path)).ReadSection<ClusterTlsOptions>());

        Assert.Contains("Tls:AllowedThumbprints", error.Message, StringComparison.Ordinal);
        Assert.Contains("otherwise any certificate would be accepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSection_Sha1Thumbprint_NamesKeyAndSaysSha256()
    {
        var (path, _, _) = _certificates.NewPkcs12("silo");

        var error = Assert.Throws<OptionsValidationException>(() => Config(
            ("Tls:CertificatePath", path), ("Tls:AllowedThumbprints:0", new string('A', 40))).ReadSection<ClusterTlsOptions>());

        Assert.Contains("Tls:AllowedThumbprints", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a SHA-256 thumbprint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSection_PasswordInlineAndFile_FailsWithoutShowingThePassword()
    {
        var (path, password, thumbprint) = _certificates.NewPkcs12("silo");
        var passwordFile = Path.Combine(_certificates.Folder, "password");
        File.WriteAllText(passwordFile, password);

        var error = Assert.Throws<OptionsValidationException>(() => Config(
            ("Tls:CertificatePath", path), ("Tls:CertificatePassword", password), ("Tls:CertificatePasswordFile", passwordFile),
            ("Tls:AllowedThumbprints:0", thumbprint)).ReadSection<ClusterTlsOptions>());

        Assert.Contains("Tls:CertificatePasswordFile", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCertificate_Pkcs12WithPasswordFile_HasPrivateKey()
    {
        var (path, password, thumbprint) = _certificates.NewPkcs12("silo");
        var passwordFile = Path.Combine(_certificates.Folder, "password");
        File.WriteAllText(passwordFile, password + "\n");
        var options = Config(("Tls:CertificatePath", path), ("Tls:CertificatePasswordFile", passwordFile), ("Tls:AllowedThumbprints:0", thumbprint))
            .ReadSection<ClusterTlsOptions>();

        using var certificate = ClusterTls.LoadCertificate(options);

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(thumbprint, PeerCertificatePolicy.Sha256Thumbprint(certificate));
    }

    [Fact]
    public void LoadCertificate_PemCertificateAndKey_HasPrivateKey()
    {
        var (certificatePath, keyPath, thumbprint) = _certificates.NewPem("silo");
        var options = Config(("Tls:CertificatePath", certificatePath), ("Tls:PrivateKeyPath", keyPath), ("Tls:AllowedThumbprints:0", thumbprint))
            .ReadSection<ClusterTlsOptions>();

        using var certificate = ClusterTls.LoadCertificate(options);

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(thumbprint, PeerCertificatePolicy.Sha256Thumbprint(certificate));
    }

    [Fact]
    public void LoadCertificate_WrongPassword_NamesKeyWithoutShowingThePassword()
    {
        var (path, _, thumbprint) = _certificates.NewPkcs12("silo");
        const string Wrong = "not-the-password-1234";
        var options = Config(("Tls:CertificatePath", path), ("Tls:CertificatePassword", Wrong), ("Tls:AllowedThumbprints:0", thumbprint))
            .ReadSection<ClusterTlsOptions>();

        var error = Assert.Throws<InvalidOperationException>(() => ClusterTls.LoadCertificate(options));

        Assert.Contains("Tls:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _certificates.Dispose();
}
