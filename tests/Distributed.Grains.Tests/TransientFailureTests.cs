using Distributed.Abstractions.Captioning;
using Distributed.Data.Samples;
using Distributed.Grains.Describing;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Distributed.Storage.Descriptions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Distributed.Grains.Tests;

/// <summary>
/// An OpenAI-compatible endpoint that is down makes every row a transient failure: nothing is stored, and the next run
/// (once the server is up) describes them all; the run after that makes no calls.
/// </summary>
public sealed class TransientFailureTests : IAsyncLifetime
{
    private readonly string _dataRoot = Directory.CreateTempSubdirectory("distributed-transient-").FullName;
    private readonly int _port = LoopbackHttpServer.FreePort();
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = new InProcessTestClusterBuilder(1)
            .ConfigureSilo((_, silo) =>
            {
                silo.AddDistributedGrains();
                silo.Services.Configure<DataRootOptions>(o => o.Root = _dataRoot);
                silo.Services.Configure<DescriberOptions>(o => o.Endpoints =
                [
                    new DescriberEndpointOptions
                    {
                        Name = "remote", Backend = DescriberBackend.OpenAi, Endpoint = $"http://127.0.0.1:{_port}/v1",
                        Model = "test-vlm", MaxRetries = 0, TimeoutSeconds = 5,
                    },
                ]);
            })
            .Build();
        await _cluster.DeployAsync();
    }

    [Fact]
    public async Task Run_EndpointDownThenUp_TransientRowsAreNotStoredAndTheNextRunDescribesThem()
    {
        var dataset = await SampleDataset.GenerateAsync(Path.Combine(_dataRoot, "sample"), new SampleDatasetOptions { Count = 10 });
        var spec = new CaptionJobSpec(dataset.ManifestPath, Path.Combine(_dataRoot, "store"), Describer: "remote");

        var down = await RunAsync("down", spec);
        var (job, failures) = down;
        Assert.Equal((10L, 0L, 0L), (job.Counts.Transient, job.Counts.Failed, job.Counts.Described));
        Assert.All(failures, f => Assert.Equal(("unreachable", false), (f.Reason, f.Permanent)));
        using (var store = DescriptionStore.Open(spec.Store))
        {
            Assert.Equal(0, (await store.StatsAsync()).Rows);
        }

        using var server = LoopbackHttpServer.ChatCompletions(_port);
        var (up, _) = await RunAsync("up", spec);
        var (again, _) = await RunAsync("again", spec);

        Assert.Equal((10L, 0L, 10L), (up.Counts.Described, up.Counts.Transient, up.Counts.DescriberCalls));
        Assert.Equal(10, server.Requests);
        Assert.Equal((10L, 0L), (again.Counts.Cached, again.Counts.DescriberCalls));
    }

    private async Task<(CaptionJobStatus Status, IReadOnlyList<RowFailure> Failures)> RunAsync(string id, CaptionJobSpec spec)
    {
        var job = _cluster.Client.GetGrain<ICaptionJobGrain>(id);
        var status = await job.StartAsync(spec);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!status.IsFinished)
        {
            await Task.Delay(100, timeout.Token);
            status = await job.GetStatusAsync();
        }

        Assert.Equal(CaptionJobState.Completed, status.State);
        return (status, await job.GetFailuresAsync());
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_dataRoot, recursive: true);
    }
}
