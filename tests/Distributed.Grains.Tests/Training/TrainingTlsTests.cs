using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Distributed.Abstractions.Training;
using Distributed.Grains.Training;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Distributed.Learning.Collective;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Distributed.Grains.Tests.Training;

/// <summary>Trainer silos configured with a <c>DataPlane</c> certificate run their gradient links over mutual TLS.</summary>
public sealed class TrainingTlsTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("distributed-tls-").FullName;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        // One self-signed certificate shared by both silos (as one Kubernetes secret would be), pinned by its SHA-256.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=trainers", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(_root, "trainers.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "secret"));
        var thumbprint = RingTls.Sha256Thumbprint(certificate);
        _cluster = new InProcessTestClusterBuilder(2)
            .ConfigureSilo((_, silo) =>
            {
                silo.AddDistributedGrains();
                silo.Services.Configure<DataRootOptions>(o => o.Root = _root);
                silo.Services.Configure<DataPlaneOptions>(o =>
                {
                    o.CertificatePath = pfx;
                    o.CertificatePassword = "secret";
                    o.AllowedThumbprints = [thumbprint];
                });
            })
            .Build();
        await _cluster.DeployAsync();
    }

    [Fact]
    public async Task Job_TrainerSilosWithACertificate_RingRunsOverTlsAndCompletes()
    {
        var corpus = TrainingJobs.WriteCorpus(_root, trainRows: 16, devRows: 4);
        var id = $"tls-{Guid.NewGuid():N}";
        var job = _cluster.Client.GetGrain<ITrainingJobGrain>(id);

        await job.StartAsync(TrainingJobs.Spec(_root, corpus, id, TrainingJobs.Settings(epochs: 2, globalBatch: 16), worldSize: 2, trainersPerSilo: 1));
        var status = await TrainingJobs.WaitAsync(job, TimeSpan.FromMinutes(2));

        Assert.True(status.State == TrainingJobState.Completed, $"{status.State}: {status.Error}");
        Assert.Equal(2, status.TrainerSilos.Distinct().Count());
        Assert.Contains(status.Events, e => e.Contains("(data plane: tls)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CertificateWithoutPeerCheck_NamesTheSetting()
    {
        var options = new DataPlaneOptions { CertificatePath = Path.Combine(_root, "missing.pfx") };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(e => e.ErrorMessage).ToArray();

        Assert.Contains(errors, e => e!.Contains("missing.pfx' does not exist", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.Contains("AllowedThumbprints or a TrustedRootPath", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
