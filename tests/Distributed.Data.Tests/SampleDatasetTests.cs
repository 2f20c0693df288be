using System.Collections.Concurrent;
using System.Security.Cryptography;
using Distributed.Data.Samples;
using Xunit.Abstractions;

namespace Distributed.Data.Tests;

public sealed partial class SampleDatasetTests(SampleDatasetFixture fixture, ITestOutputHelper output)
    : IClassFixture<SampleDatasetFixture>
{
    private static readonly SampleDatasetOptions Small = new() { Count = 40 };

    [Fact]
    public async Task Generate_SameSeed_ByteIdenticalManifestAndImages()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();

        await SampleDataset.GenerateAsync(a.Path, Small);
        await SampleDataset.GenerateAsync(b.Path, Small);

        Assert.Equal(Fingerprint(a.Path), Fingerprint(b.Path));
        Assert.Equal(Small.Count, Directory.GetFiles(Path.Combine(a.Path, "images")).Length);
    }

    [Fact]
    public async Task Generate_DifferentSeed_DifferentOutput()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();

        await SampleDataset.GenerateAsync(a.Path, Small with { Count = 10 });
        await SampleDataset.GenerateAsync(b.Path, Small with { Count = 10, Seed = 43 });

        var fa = Fingerprint(a.Path);
        var fb = Fingerprint(b.Path);
        Assert.NotEqual(fa[SampleDataset.ManifestFileName], fb[SampleDataset.ManifestFileName]);
        Assert.Contains(fa.Keys, k => k != SampleDataset.ManifestFileName && fa[k] != fb[k]);
    }

    [Fact]
    public async Task EnsureAsync_ExistingManifest_DoesNotRegenerate()
    {
        using var folder = new TempFolder();
        var options = Small with { Count = 10 };
        var first = await SampleDataset.EnsureAsync(folder.Path, options);
        var before = WriteTimes(folder.Path);

        var second = await SampleDataset.EnsureAsync(folder.Path, options);

        Assert.True(first.Generated);
        Assert.False(second.Generated);
        Assert.Equal(before, WriteTimes(folder.Path));
        Assert.Equal((10, 10), (second.Rows, second.Images));
        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Splits, second.Splits);
    }

    [Fact]
    public async Task EnsureAsync_ImagesWithoutManifest_Regenerates()
    {
        using var folder = new TempFolder();
        var options = Small with { Count = 10 };
        var manifest = (await SampleDataset.GenerateAsync(folder.Path, options)).ManifestPath;
        File.Delete(manifest); // as if the run stopped after the images, before the manifest

        var summary = await SampleDataset.EnsureAsync(folder.Path, options);

        Assert.True(summary.Generated);
        Assert.True(File.Exists(manifest));
        Assert.False(File.Exists(manifest + ".tmp"));
    }

    [Fact]
    public async Task GenerateAsync_Progress_ReportsEachImageWritten()
    {
        using var folder = new TempFolder();
        var reports = new SyncProgress();

        var summary = await SampleDataset.GenerateAsync(folder.Path, Small with { Count = 12 }, reports);

        Assert.Equal(Enumerable.Range(1, 12), reports.Values.Order());
        Assert.Equal(12, summary.Images);
    }

    [Fact]
    public async Task GenerateAsync_InvalidOptions_ThrowsBeforeWriting()
    {
        using var folder = new TempFolder();

        await Assert.ThrowsAsync<ArgumentException>(
            () => SampleDataset.GenerateAsync(folder.Path, Small with { ImageSize = 64 }));

        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    private static Dictionary<string, string> Fingerprint(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static Dictionary<string, DateTime> WriteTimes(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

    /// <summary>Records reports on the reporting thread (Progress&lt;T&gt; would post them asynchronously).</summary>
    private sealed class SyncProgress : IProgress<int>
    {
        public ConcurrentBag<int> Values { get; } = [];

        public void Report(int value) => Values.Add(value);
    }
}
