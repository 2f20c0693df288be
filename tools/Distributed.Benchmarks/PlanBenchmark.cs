using System.Diagnostics;
using Distributed.Data.Manifests;

namespace Distributed.Benchmarks;

/// <summary>Planning memory: peak working set while planning generated JSONL manifests of growing row counts.</summary>
public static class PlanBenchmark
{
    public static async Task RunAsync(long[] rowCounts)
    {
        Measure.Header("shard planning: peak memory vs manifest rows (shards of 1,000 rows)",
            $"dotnet run -c Release --project tools/Distributed.Benchmarks -- plan --rows {string.Join(',', rowCounts)}");
        Console.WriteLine("rows\tmanifest_mb\tshards\tseconds\tpeak_working_set_mb_during_planning\tmanaged_heap_mb_after");
        foreach (var rows in rowCounts)
        {
            var file = Path.Combine(Path.GetTempPath(), $"distributed-bench-{rows}.jsonl");
            try
            {
                await WriteManifestAsync(file, rows);
                GC.Collect();
                using var process = Process.GetCurrentProcess();
                process.Refresh();
                var baseline = process.WorkingSet64;
                long peak = baseline, shards = 0;
                var clock = Stopwatch.StartNew();
                await foreach (var _ in ShardPlanner.PlanAsync(file, 1000))
                {
                    if (++shards % 100 == 0)
                    {
                        process.Refresh();
                        peak = Math.Max(peak, process.WorkingSet64);
                    }
                }

                Console.WriteLine($"{rows}\t{new FileInfo(file).Length / 1e6:F0}\t{shards}\t{clock.Elapsed.TotalSeconds:F1}\t{peak / 1e6:F0}\t{GC.GetTotalMemory(false) / 1e6:F0}");
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    private static async Task WriteManifestAsync(string file, long rows)
    {
        await using var writer = new StreamWriter(file, append: false, System.Text.Encoding.UTF8, bufferSize: 1 << 20);
        for (long i = 0; i < rows; i++)
        {
            await writer.WriteLineAsync($$"""{"id":"r{{i}}","text":"post number {{i}} about the weather","image":"images/{{i % 1000}}.png","label":"neutral"}""");
        }
    }
}
