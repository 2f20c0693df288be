using System.Diagnostics;
using Distributed.Training.Vision;
using Xunit.Abstractions;

namespace Distributed.Training.Tests.Vision;

/// <summary>Extraction speed on 50 drawn 640×480 JPEGs (decode, resize, network), one and two intra-op threads.</summary>
public sealed class ResNet18ThroughputTests(ITestOutputHelper output)
{
    private const int Images = 50;

    // Measured 2026-11-27 on the shared 2-core box at load average ~14 (so < 1 core each): ~9 images/s in every
    // configuration below, the safe loader alone ~37 images/s. Spinning with 2 threads was slower (~5-6 images/s).
    [Theory]
    [Trait("Category", "Benchmark")]
    [InlineData(1, false, 1)]
    [InlineData(2, false, 1)]
    [InlineData(2, false, 8)]
    public void ExtractMany_FiftyImages_ReportsImagesPerSecond(int threads, bool spinning, int batch)
    {
        NamedImage[] images = [.. Enumerable.Range(100, Images).Select(i => new NamedImage(
            $"scene-{i}.jpg", VisionTestImages.Scene(i, 640, 480, SkiaSharp.SKEncodedImageFormat.Jpeg)))];
        using var featurizer = new ResNet18Featurizer(new ResNet18FeaturizerOptions { IntraOpThreads = threads, IntraOpSpinning = spinning, BatchSize = batch });
        featurizer.Extract(images[0].Bytes, images[0].Name); // warm-up

        var many = Stopwatch.StartNew();
        var features = featurizer.ExtractMany(images);
        many.Stop();
        var single = Stopwatch.StartNew();
        foreach (var image in images)
        {
            featurizer.Extract(image.Bytes, image.Name);
        }

        single.Stop();
        var loading = Stopwatch.StartNew();
        foreach (var image in images)
        {
            Distributed.Data.Images.ImageLoader.Load(image.Bytes, image.Name, featurizer.Options.LoadOptions);
        }

        loading.Stop();

        Assert.Equal(Images, features.Count);
        var line = $"ResNet18 {threads} intra-op thread(s), spinning {spinning}, batch {batch}: ExtractMany {Images / many.Elapsed.TotalSeconds:F1} images/s, " +
                   $"Extract loop {Images / single.Elapsed.TotalSeconds:F1} images/s; safe loader alone {Images / loading.Elapsed.TotalSeconds:F1} images/s " +
                   $"({Images} images 640x480 JPEG; load average {LoadAverage()})";
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
