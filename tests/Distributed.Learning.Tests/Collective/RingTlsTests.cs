using Distributed.Learning.Collective;

namespace Distributed.Learning.Tests.Collective;

public sealed class RingTlsTests
{
    [Fact]
    public void Ctor_ThumbprintWithColonsAndLowerCase_IsNormalizedToUpperHex()
    {
        using var certificate = TestCertificates.SelfSigned("rank");
        var thumbprint = RingTls.Sha256Thumbprint(certificate);
        var spelled = string.Join(':', thumbprint.Chunk(2).Select(pair => new string(pair))).ToLowerInvariant();

        var tls = new RingTls(certificate, [spelled]);

        Assert.Equal([thumbprint], tls.AllowedThumbprints);
        Assert.Equal(64, thumbprint.Length);
    }

    [Fact]
    public void Ctor_CertificateWithoutPrivateKey_ThrowsNamingTheKey()
    {
        using var certificate = TestCertificates.SelfSigned("rank");
        using var publicOnly = TestCertificates.PublicOnly(certificate);

        var exception = Assert.Throws<ArgumentException>(() => new RingTls(publicOnly, [RingTls.Sha256Thumbprint(certificate)]));

        Assert.Contains("no private key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctor_ExpiredCertificate_Throws()
    {
        using var certificate = TestCertificates.SelfSigned("rank", DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(-1));

        var exception = Assert.Throws<ArgumentException>(() => new RingTls(certificate, [RingTls.Sha256Thumbprint(certificate)]));

        Assert.Contains("valid only from", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctor_NeitherThumbprintsNorRoot_Throws()
    {
        using var certificate = TestCertificates.SelfSigned("rank");

        var exception = Assert.Throws<ArgumentException>(() => new RingTls(certificate));

        Assert.Contains("any certificate would be accepted", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctor_Sha1Thumbprint_ThrowsNamingSha256()
    {
        using var certificate = TestCertificates.SelfSigned("rank");

        var exception = Assert.Throws<ArgumentException>(() => new RingTls(certificate, [certificate.Thumbprint]));

        Assert.Contains("SHA-256", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ctor_TrustedRootOnly_HasNoPins()
    {
        using var authority = TestCertificates.Authority("ring ca");
        using var certificate = TestCertificates.IssuedBy(authority, "rank");

        var tls = new RingTls(certificate, trustedRoot: authority);

        Assert.Empty(tls.AllowedThumbprints);
        Assert.Same(authority, tls.TrustedRoot);
    }
}
