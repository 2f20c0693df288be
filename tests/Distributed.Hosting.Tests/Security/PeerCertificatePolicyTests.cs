using Distributed.Learning.Collective;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Distributed.Hosting.Security;

namespace Distributed.Hosting.Tests.Security;

public sealed class PeerCertificatePolicyTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public void IsAcceptable_Pinning_AcceptsPinnedRejectsOthersAndMissing()
    {
        using var pinned = Load(_certificates.NewPkcs12("pinned"));
        using var other = Load(_certificates.NewPkcs12("other"));
        var policy = new PeerCertificatePolicy([PeerCertificatePolicy.Sha256Thumbprint(pinned).ToLowerInvariant()], null);

        Assert.True(policy.IsAcceptable(pinned, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(policy.IsAcceptable(other, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(policy.IsAcceptable(null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void IsAcceptable_TrustedRoot_AcceptsIssuedRejectsSelfSignedAndExpired()
    {
        var (_, ca) = _certificates.NewCa("ca");
        using var _ = ca;
        using var issued = Load(_certificates.NewIssuedPkcs12("issued", ca));
        using var selfSigned = Load(_certificates.NewPkcs12("self"));
        using var expired = Load(_certificates.NewIssuedPkcs12("expired", ca, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var policy = new PeerCertificatePolicy([], ca);

        Assert.True(policy.IsAcceptable(issued, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(policy.IsAcceptable(selfSigned, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(policy.IsAcceptable(expired, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Ctor_NeitherPinsNorRoot_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PeerCertificatePolicy([], null));
    }

    public void Dispose() => _certificates.Dispose();

    private static X509Certificate2 Load((string Path, string Password, string Thumbprint) file) =>
        X509CertificateLoader.LoadPkcs12FromFile(file.Path, file.Password);
}
