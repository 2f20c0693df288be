using Distributed.Data.Images;
using Distributed.Training.Vision;

namespace Distributed.Training.Tests.Vision;

public sealed class ImageFeatureCacheTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("image-feature-cache-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void GetOrExtract_Miss_ExtractsAndWritesOneFile()
    {
        var cache = NewCache();
        var image = VisionTestImages.Scene(30);
        var key = ImageHash.Sha256Hex(image);

        var features = cache.GetOrExtract(key, () => image, "scene-30.png");

        Assert.Equal(1, cache.Extractions);
        Assert.True(File.Exists(cache.PathFor(key)));
        Assert.Equal(fixture.Featurizer.Extract(image, "scene-30.png").Pooled, features.Pooled);
        Assert.Empty(Directory.GetFiles(_folder.FullName, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void GetOrExtract_Hit_ReturnsIdenticalArraysWithoutCallingTheLoader()
    {
        var image = VisionTestImages.Scene(31);
        var key = ImageHash.Sha256Hex(image);
        var first = NewCache().GetOrExtract(key, () => image, "scene-31.png");

        var cache = NewCache(); // a later run: a new cache over the same folder
        var second = cache.GetOrExtract(key, () => throw new InvalidOperationException("loader called on a hit"), "scene-31.png");

        Assert.Equal(first.Pooled, second.Pooled);
        Assert.Equal(first.Regions, second.Regions);
        Assert.Equal((1L, 0L), (cache.Hits, cache.Extractions));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void GetOrExtract_CorruptCacheFile_RecomputesAndRewrites(string damage)
    {
        var image = VisionTestImages.Scene(32);
        var key = ImageHash.Sha256Hex(image);
        var expected = NewCache().GetOrExtract(key, () => image, "scene-32.png");
        var path = NewCache().PathFor(key);
        var file = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "flip" => Flip(file, file.Length / 2),
            "truncate" => file[..(file.Length - 100)],
            "empty" => [],
            _ => "not a feature file"u8.ToArray(),
        });

        var cache = NewCache();
        var loads = 0;
        var features = cache.GetOrExtract(key, () => { loads++; return image; }, "scene-32.png");

        Assert.Equal(1, loads);
        Assert.Equal(expected.Pooled, features.Pooled);
        Assert.Equal(expected.Regions, features.Regions);
        Assert.Equal(file, File.ReadAllBytes(path)); // rewritten whole
        Assert.True(NewCache().TryGet(key, out _));
    }

    [Fact]
    public void GetOrExtract_FileOfAnotherKey_IsNotReused()
    {
        // A file copied under the wrong name holds another key: recomputed, never served as this image's features.
        var a = VisionTestImages.Scene(33);
        var b = VisionTestImages.Scene(34);
        var (keyA, keyB) = (ImageHash.Sha256Hex(a), ImageHash.Sha256Hex(b));
        var cache = NewCache();
        var featuresA = cache.GetOrExtract(keyA, () => a, "a.png");
        Directory.CreateDirectory(Path.GetDirectoryName(cache.PathFor(keyB))!);
        File.Copy(cache.PathFor(keyA), cache.PathFor(keyB));

        var featuresB = cache.GetOrExtract(keyB, () => b, "b.png");

        Assert.Equal(2, cache.Extractions);
        Assert.NotEqual(featuresA.Pooled, featuresB.Pooled);
    }

    [Fact]
    public void GetOrExtract_BytesOfAnotherImage_ThrowsAndWritesNothing()
    {
        var cache = NewCache();
        var key = ImageHash.Sha256Hex(VisionTestImages.Scene(35));

        var error = Assert.Throws<InvalidDataException>(() => cache.GetOrExtract(key, () => VisionTestImages.Scene(36), "scene-35.png"));

        Assert.Contains("scene-35.png", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(cache.PathFor(key)));
    }

    [Fact]
    public void GetOrExtract_CorruptImage_ThrowsNamingItAndWritesNothing()
    {
        var cache = NewCache();
        var broken = VisionTestImages.Truncated(VisionTestImages.Scene(37));
        var key = ImageHash.Sha256Hex(broken);

        var error = Assert.Throws<ImageRejectedException>(() => cache.GetOrExtract(key, () => broken, "posts/9/broken.png"));

        Assert.Contains("posts/9/broken.png", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(cache.PathFor(key)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void GetOrExtract_KeyNotASha256_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => NewCache().GetOrExtract(key, () => [], "x"));
    }

    private ImageFeatureCache NewCache() => new(_folder.FullName, fixture.Featurizer);

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x40;
        return copy;
    }
}
