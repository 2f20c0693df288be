using Distributed.Data.Images;
using Distributed.Training.Vision;
using SkiaSharp;
using Xunit.Abstractions;

namespace Distributed.Training.Tests.Vision;

public sealed class ResNet18FeaturizerTests(ResNet18Fixture fixture, ITestOutputHelper output) : IClassFixture<ResNet18Fixture>
{
    private ResNet18Featurizer Featurizer => fixture.Featurizer;

    [Fact]
    public void Extract_Pooled_IsMeanOfTheRegions()
    {
        var features = Featurizer.Extract(VisionTestImages.Scene(1), "scene-1.png");

        Assert.Equal(ImageFeatures.Channels, features.Pooled.Length);
        Assert.Equal(ImageFeatures.RegionCount * ImageFeatures.Channels, features.Regions.Length);
        var maxError = 0.0;
        for (var c = 0; c < ImageFeatures.Channels; c++)
        {
            var mean = Enumerable.Range(0, ImageFeatures.RegionCount).Average(r => (double)features.Region(r)[c]);
            maxError = Math.Max(maxError, Math.Abs(mean - features.Pooled[c]));
        }

        output.WriteLine($"max |pooled - mean(regions)| = {maxError:G3}; pooled range [{features.Pooled.Min()}, {features.Pooled.Max()}]");
        Assert.True(maxError < 1e-4, $"max |pooled - mean(regions)| = {maxError}");
        Assert.Contains(features.Pooled, v => v > 0.1f); // not a dead output
    }

    [Fact]
    public void Extract_Regions_AreNonNegativeAndVaryAcrossRegions()
    {
        // The map is the last ReLU's output, and a scene with shapes in different places must not give 49 equal regions.
        var features = Featurizer.Extract(VisionTestImages.Scene(2), "scene-2.png");

        Assert.All(features.Regions, v => Assert.True(v >= 0 && float.IsFinite(v)));
        Assert.True(FeatureMath.Cosine(features.Region(0).ToArray(), features.Region(48).ToArray()) < 0.99);
    }

    [Fact]
    public void Extract_SameImageTwice_IdenticalFeatures()
    {
        var image = VisionTestImages.Scene(3, format: SKEncodedImageFormat.Jpeg);

        var first = Featurizer.Extract(image, "a.jpg");
        var second = Featurizer.Extract(image.ToArray(), "b.jpg");

        Assert.Equal(first.Pooled, second.Pooled);
        Assert.Equal(first.Regions, second.Regions);
    }

    [Fact]
    public void Extract_VisiblyDifferentImages_DifferentFeatures()
    {
        var horizontal = Featurizer.Extract(VisionTestImages.Stripes(16, vertical: false), "horizontal.png");
        var vertical = Featurizer.Extract(VisionTestImages.Stripes(16, vertical: true), "vertical.png");
        var scene = Featurizer.Extract(VisionTestImages.Scene(4), "scene-4.png");

        var stripes = FeatureMath.Cosine(horizontal.Pooled, vertical.Pooled);
        var stripesScene = FeatureMath.Cosine(horizontal.Pooled, scene.Pooled);
        output.WriteLine($"cos(horizontal, vertical) = {stripes:F4}; cos(horizontal, scene) = {stripesScene:F4}");
        Assert.True(stripes < 0.98, $"cos = {stripes}");
        Assert.True(stripesScene < 0.98, $"cos = {stripesScene}");
    }

    [Fact]
    public void Extract_SlightlyChangedImage_CloserThanAnotherImage()
    {
        // The same scene re-encoded as JPEG and shrunk stays near the PNG; another scene does not.
        var original = Featurizer.Extract(VisionTestImages.Scene(5), "scene-5.png");
        var altered = Featurizer.Extract(VisionTestImages.Scene(5, 300, 225, SKEncodedImageFormat.Jpeg), "scene-5-small.jpg");
        var other = Featurizer.Extract(VisionTestImages.Scene(6), "scene-6.png");

        var near = FeatureMath.Cosine(original.Pooled, altered.Pooled);
        var far = FeatureMath.Cosine(original.Pooled, other.Pooled);
        output.WriteLine($"cos(same scene) = {near:F4}; cos(other scene) = {far:F4}");
        Assert.True(near > far, $"cos(same scene) = {near}, cos(other scene) = {far}");
        Assert.True(near > 0.9, $"cos(same scene) = {near}");
    }

    [Fact]
    public void Extract_CorruptImage_ThrowsNamingTheImage()
    {
        var truncated = VisionTestImages.Truncated(VisionTestImages.Scene(7, format: SKEncodedImageFormat.Jpeg));

        var error = Assert.Throws<ImageRejectedException>(() => Featurizer.Extract(truncated, "posts/123/broken.jpg"));

        Assert.Contains("posts/123/broken.jpg", error.Message, StringComparison.Ordinal);
        Assert.Equal("posts/123/broken.jpg", error.SourceName);
    }

    [Fact]
    public void Extract_NotAnImage_ThrowsNamingTheImage()
    {
        var error = Assert.Throws<ImageRejectedException>(() => Featurizer.Extract("not an image"u8.ToArray(), "row-42"));

        Assert.Contains("row-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractMany_SameAsExtractInOrder()
    {
        NamedImage[] images = [.. Enumerable.Range(10, 3).Select(i => new NamedImage($"scene-{i}.png", VisionTestImages.Scene(i)))];

        var many = Featurizer.ExtractMany(images);

        Assert.Equal(images.Length, many.Count);
        for (var i = 0; i < images.Length; i++)
        {
            var one = Featurizer.Extract(images[i].Bytes, images[i].Name);
            Assert.Equal(one.Pooled, many[i].Pooled);
            Assert.Equal(one.Regions, many[i].Regions);
        }
    }

    [Fact]
    public void ExtractMany_BatchesOfThree_SameAsOneByOne()
    {
        // 5 images in batches of 3 and 2: the dynamic batch must not mix images up or change their features.
        NamedImage[] images = [.. Enumerable.Range(40, 5).Select(i => new NamedImage($"scene-{i}.png", VisionTestImages.Scene(i)))];
        using var batched = new ResNet18Featurizer(new ResNet18FeaturizerOptions { BatchSize = 3 });

        var many = batched.ExtractMany(images);

        Assert.Equal(images.Length, many.Count);
        for (var i = 0; i < images.Length; i++)
        {
            var one = Featurizer.Extract(images[i].Bytes, images[i].Name);
            var maxError = one.Regions.Select((v, j) => Math.Abs(v - many[i].Regions[j])).Max();
            Assert.True(maxError < 1e-3, $"image {i}: max |batched - single| = {maxError}");
            Assert.True(FeatureMath.Cosine(one.Pooled, many[i].Pooled) > 0.99999);
        }
    }

    [Fact]
    public void ExtractMany_CorruptImageInTheMiddle_ThrowsNamingIt()
    {
        NamedImage[] images =
        [
            new("good-1.png", VisionTestImages.Scene(20)),
            new("bad.png", VisionTestImages.Truncated(VisionTestImages.Scene(21))),
            new("good-2.png", VisionTestImages.Scene(22)),
        ];

        var error = Assert.Throws<ImageRejectedException>(() => Featurizer.ExtractMany(images));

        Assert.Equal("bad.png", error.SourceName);
    }

    [Fact]
    public void Extract_TwoThreads_SameFeaturesAsOneThread()
    {
        var image = VisionTestImages.Scene(8);
        using var twoThreads = new ResNet18Featurizer(new ResNet18FeaturizerOptions { IntraOpThreads = 2 });

        var one = Featurizer.Extract(image, "scene-8.png");
        var two = twoThreads.Extract(image, "scene-8.png");

        for (var c = 0; c < ImageFeatures.Channels; c++)
        {
            Assert.True(Math.Abs(one.Pooled[c] - two.Pooled[c]) < 1e-4, $"channel {c}: {one.Pooled[c]} vs {two.Pooled[c]}");
        }
    }

    [Fact]
    public void Ctor_ModelFolderWithoutModel_ThrowsFileNotFound()
    {
        var empty = Directory.CreateTempSubdirectory("resnet18-empty-");
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => new ResNet18Featurizer(new ResNet18FeaturizerOptions { ModelFolder = empty.FullName }));

            Assert.Contains("ResNet18.onnx", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Ctor_ZeroThreads_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new ResNet18Featurizer(new ResNet18FeaturizerOptions { IntraOpThreads = 0 }));

        Assert.Contains(nameof(ResNet18FeaturizerOptions.IntraOpThreads), error.Message, StringComparison.Ordinal);
    }
}
