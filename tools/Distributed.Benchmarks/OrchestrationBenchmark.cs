using System.Diagnostics;
using Distributed.Abstractions.Captioning;
using Distributed.Grains.Describing;
using Distributed.Hosting.Cluster;
using Distributed.Hosting.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SkiaSharp;

namespace Distributed.Benchmarks;

/// <summary>
/// Caption throughput through shards, describer grains and the store, with fixed-latency stand-in describers:
/// <c>silos</c> in-process silos, each serving one endpoint with <c>inflight</c> requests in flight. Rows reference
/// 100 distinct ~10 KB PNGs with unique post texts, so every row is a distinct key (the prompt reads the post).
/// </summary>
public static class OrchestrationBenchmark
{
    public static async Task RunAsync(int rows, int silos, int inflight, int latencyMs, int shardRows, int parallelShards)
    {
        Measure.Header($"caption orchestration: {rows} rows, {silos} silo(s) x 1 endpoint x {inflight} in flight, describer latency {latencyMs} ms",
            $"dotnet run -c Release --project tools/Distributed.Benchmarks -- orchestration --rows {rows} --silos {silos} --inflight {inflight} --latency-ms {latencyMs} --shard-rows {shardRows} --parallel-shards {parallelShards}");
        var root = Directory.CreateTempSubdirectory("distributed-bench-orch-").FullName;
        try
        {
            var manifest = await WriteDatasetAsync(root, rows);
            var cluster = new InProcessTestClusterBuilder((short)silos)
                .ConfigureSilo((_, silo) =>
                {
                    silo.Services.AddSingleton<IDescriberFactory>(new FixedLatencyDescriberFactory(TimeSpan.FromMilliseconds(latencyMs)));
                    silo.AddDistributedGrains();
                    silo.Services.Configure<DataRootOptions>(o => o.Root = root);
                    silo.Services.Configure<DescriberOptions>(o => o.Endpoints = [new DescriberEndpointOptions { Name = "gpu", MaxInFlight = inflight }]);
                })
                .Build();
            await cluster.DeployAsync();
            try
            {
                var job = cluster.Client.GetGrain<ICaptionJobGrain>("bench");
                var clock = Stopwatch.StartNew();
                var status = await job.StartAsync(new CaptionJobSpec(manifest, Path.Combine(root, "store"), "gpu", shardRows, parallelShards));
                while (!status.IsFinished)
                {
                    await Task.Delay(100);
                    status = await job.GetStatusAsync();
                }

                var seconds = clock.Elapsed.TotalSeconds;
                var ideal = latencyMs > 0 ? silos * inflight / (latencyMs / 1000.0) : double.NaN;
                Console.WriteLine("state\trows\tdescribed\tdescriber_calls\tseconds\timages_per_s\tideal_images_per_s\tshare_of_ideal");
                Console.WriteLine($"{status.State}\t{status.Counts.Rows}\t{status.Counts.Described}\t{status.Counts.DescriberCalls}\t{seconds:F1}\t{status.Counts.Described / seconds:F0}\t{ideal:F0}\t{status.Counts.Described / seconds / ideal:P1}");
            }
            finally
            {
                await cluster.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> WriteDatasetAsync(string root, int rows)
    {
        var images = Path.Combine(root, "images");
        Directory.CreateDirectory(images);
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            using var bitmap = new SKBitmap(56, 56);
            for (var y = 0; y < 56; y++)
            {
                for (var x = 0; x < 56; x++)
                {
                    bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
                }
            }

            await File.WriteAllBytesAsync(Path.Combine(images, $"{i}.png"), bitmap.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        }

        var manifest = Path.Combine(root, "manifest.jsonl");
        await File.WriteAllLinesAsync(manifest, Enumerable.Range(0, rows).Select(i =>
            $$"""{"id":"r{{i}}","text":"post {{i}}","image":"images/{{i % 100}}.png"}"""));
        return manifest;
    }
}
