using Azure.Storage.Blobs;
using Distributed.Abstractions.Captioning;
using Distributed.Data.Samples;
using Distributed.Grains.Captioning;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Distributed.Grains.Tests;

/// <summary>Images from an allow-listed http host and from Azure Blob (Azurite) are described; other hosts are refused.</summary>
public sealed class ImageSourceTests : IAsyncLifetime
{
    private readonly string _dataRoot = Directory.CreateTempSubdirectory("distributed-sources-").FullName;
    private readonly string _container = $"images-{Guid.NewGuid():N}"[..30];
    private InProcessTestCluster _cluster = null!;
    private string _azurite = "";

    public async Task InitializeAsync()
    {
        _azurite = Environment.GetEnvironmentVariable("DISTRIBUTED_TEST_AZURITE") ?? "";
        _cluster = new InProcessTestClusterBuilder(1)
            .ConfigureSilo((_, silo) =>
            {
                silo.AddDistributedGrains();
                silo.Services.Configure<DataRootOptions>(o => o.Root = _dataRoot);
                silo.Services.Configure<ImageSourceOptions>(o =>
                {
                    o.AllowedHttpHosts = ["127.0.0.1"];
                    o.AzureConnectionString = _azurite;
                });
            })
            .Build();
        await _cluster.DeployAsync();
    }

    [SkippableFact]
    public async Task Run_HttpAllowListAndAzureBlobImages_AreDescribed()
    {
        Requirements.Tesseract();
        var azurite = Requirements.AzuriteConnectionString();
        await SampleDataset.GenerateAsync(Path.Combine(_dataRoot, "sample"), new SampleDatasetOptions { Count = 10 });
        var png = await File.ReadAllBytesAsync(Path.Combine(_dataRoot, "sample", "images", "s00001.png"));
        var blobs = new BlobContainerClient(azurite, _container, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));
        await blobs.CreateIfNotExistsAsync();
        await blobs.UploadBlobAsync("posts/s00002.png", BinaryData.FromBytes(await File.ReadAllBytesAsync(Path.Combine(_dataRoot, "sample", "images", "s00002.png"))));
        var port = LoopbackHttpServer.FreePort();
        using var web = new LoopbackHttpServer(port, _ => ("image/png", png));
        var manifest = Path.Combine(_dataRoot, "sources.jsonl");
        await File.WriteAllLinesAsync(manifest,
        [
            $$"""{"id":"web","text":"","image":"http://127.0.0.1:{{port}}/s00001.png"}""",
            $$"""{"id":"blob","text":"","image":"az://{{_container}}/posts/s00002.png"}""",
            $$"""{"id":"other-host","text":"","image":"http://localhost:{{port}}/s00001.png"}""",
            $$"""{"id":"no-blob","text":"","image":"az://{{_container}}/posts/none.png"}""",
        ]);

        var job = _cluster.Client.GetGrain<ICaptionJobGrain>("sources");
        var status = await job.StartAsync(new CaptionJobSpec(manifest, Path.Combine(_dataRoot, "store")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!status.IsFinished)
        {
            await Task.Delay(100, timeout.Token);
            status = await job.GetStatusAsync();
        }

        var failures = await job.GetFailuresAsync();
        Assert.Equal((2L, 2L), (status.Counts.Described, status.Counts.Failed));
        Assert.Equal("http_not_allowed", Assert.Single(failures, f => f.RowId == "other-host").Reason);
        Assert.Equal("missing_file", Assert.Single(failures, f => f.RowId == "no-blob").Reason);
        Assert.True(web.Requests >= 1);
        await blobs.DeleteIfExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_dataRoot, recursive: true);
    }
}
