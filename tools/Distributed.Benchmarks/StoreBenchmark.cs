using System.Diagnostics;
using Distributed.Abstractions.Describing;
using Distributed.Storage.Descriptions;

namespace Distributed.Benchmarks;

/// <summary>
/// Description store: write rows/s, and warm batch lookup of 10,000 keys in stores of growing size (half present,
/// half absent), median of repeats. A fresh folder per size, deleted after.
/// </summary>
public static class StoreBenchmark
{
    private const int BatchKeys = 10_000;
    private const int SegmentRows = 50_000;

    public static async Task RunAsync(int[] sizes, int repeats)
    {
        Measure.Header("description store: write rows/s and warm ExistsAsync of 10,000 keys",
            $"dotnet run -c Release --project tools/Distributed.Benchmarks -- store --sizes {string.Join(',', sizes)} --repeats {repeats}");
        Console.WriteLine("store_rows\twrite_rows_per_s\tcold_lookup_ms\twarm_lookup_ms_median\tfound");
        foreach (var size in sizes)
        {
            var folder = Directory.CreateTempSubdirectory("distributed-bench-store-").FullName;
            try
            {
                await RunOneAsync(folder, size, repeats);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task RunOneAsync(string folder, int size, int repeats)
    {
        using var store = DescriptionStore.Open(folder);
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < size; start += SegmentRows)
        {
            var rows = Enumerable.Range(start, Math.Min(SegmentRows, size - start)).Select(Record).ToList();
            await store.AppendAsync(rows);
        }

        var writeRate = size / clock.Elapsed.TotalSeconds;
        var keys = Enumerable.Range(0, BatchKeys).Select(i => Key(i % 2 == 0 ? (int)((long)i * size / BatchKeys) : size + i)).ToList();
        using var reader = DescriptionStore.Open(folder);
        var found = 0;
        var cold = await Measure.MedianMillisecondsAsync(1, async () => found = (await reader.ExistsAsync(keys)).Count);
        var warm = await Measure.MedianMillisecondsAsync(repeats, async () => found = (await reader.ExistsAsync(keys)).Count);
        Console.WriteLine($"{size}\t{writeRate:F0}\t{cold:F1}\t{warm:F1}\t{found}");
    }

    private static DescriptionKey Key(int i) =>
        new(DescriptionKey.HashText($"image-{i}"), "", "bench/1", "0000000000000000");

    private static DescriptionRecord Record(int i) => new(
        Key(i), "bench/1", $"ocr {i}", "bright, warm, low clutter", "a consistent post and image", "{}",
        DateTimeOffset.UnixEpoch.AddSeconds(i), 1.0, null, null);
}
