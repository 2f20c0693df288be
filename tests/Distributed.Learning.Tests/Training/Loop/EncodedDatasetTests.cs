using Distributed.Learning.Training;

namespace Distributed.Learning.Tests.Training.Loop;

public sealed class EncodedDatasetTests
{
    [Fact]
    public void Constructor_NoRows_ThrowsSayingEmpty()
    {
        var error = Assert.Throws<ArgumentException>(() => new EncodedDataset([], 4));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RowOfWrongLength_ThrowsNamingTheRow()
    {
        EncodedExample[] rows = [Row(4, 0), Row(3, 1)];
        var error = Assert.Throws<ArgumentException>(() => new EncodedDataset(rows, 4));
        Assert.Contains("Row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeLabel_ThrowsNamingTheRow()
    {
        var error = Assert.Throws<ArgumentException>(() => new EncodedDataset([Row(4, -1)], 4));
        Assert.Contains("Row 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_ShortRows_TrimmedToLongestRealRowWithTheSameLogitsAsFullLength()
    {
        TrainingSeed.Apply(3);
        using var model = SyntheticAffect.Model(dropout: 0);
        model.eval();
        using var scope = TorchSharp.torch.NewDisposeScope();
        var full = SyntheticAffect.Batch(new Random(5), batchSize: 4, length: 16);
        var ids = full.InputIds.data<long>().ToArray();
        var mask = full.AttentionMask.data<long>().ToArray();
        var rows = Enumerable.Range(0, 4)
            .Select(r => new EncodedExample(ids[(r * 16)..((r + 1) * 16)], mask[(r * 16)..((r + 1) * 16)], new long[16], 0))
            .Select(r => r with { AttentionMask = [.. r.AttentionMask.Select((m, t) => t < 9 ? m : 0)], InputIds = [.. r.InputIds.Select((id, t) => t < 9 ? id : 0)] })
            .ToArray();
        var data = new EncodedDataset(rows, 16);

        var trimmed = data.Batch([0, 1, 2, 3]);
        var padded = new TrainingBatch(
            TorchSharp.torch.tensor(rows.SelectMany(r => r.InputIds).ToArray(), [4, 16]),
            TorchSharp.torch.tensor(rows.SelectMany(r => r.AttentionMask).ToArray(), [4, 16]),
            TorchSharp.torch.zeros([4, 16], TorchSharp.torch.int64),
            TorchSharp.torch.zeros([4], TorchSharp.torch.int64));

        Assert.Equal([4L, 9L], trimmed.InputIds.shape);
        using (TorchSharp.torch.no_grad())
        {
            var difference = (model.ForwardBatch(trimmed).Logits - model.ForwardBatch(padded).Logits).abs().max().item<float>();
            Assert.True(difference < 1e-5f, $"max |logit difference| {difference}");
        }
    }

    [Fact]
    public void Evaluate_LabelOutsideLabelSet_ThrowsNamingRowAndLabel()
    {
        TrainingSeed.Apply(1);
        using var model = SyntheticAffect.Model();
        var data = new EncodedDataset([Row(4, 1), Row(4, 2)], 4);

        var error = Assert.Throws<ArgumentException>(() => ModelEvaluator.Evaluate(model, data, SyntheticData.Labels));
        Assert.Contains("Row 1 has label 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ImageFeaturesOfWrongLength_ThrowsNamingTheRow()
    {
        EncodedExample[] rows = [Row(4, 0), Row(4, 1) with { ImageFeatures = new float[511] }];
        var error = Assert.Throws<ArgumentException>(() => new EncodedDataset(rows, 4));
        Assert.Contains("Row 1 has 511 image features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ImageRegionsOfWrongLength_ThrowsNamingTheRow()
    {
        EncodedExample[] rows = [Row(4, 0) with { ImageRegions = new float[512] }];
        var error = Assert.Throws<ArgumentException>(() => new EncodedDataset(rows, 4));
        Assert.Contains("Row 0 has 512 image region features", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_MixedImageRows_StacksFeaturesZeroFillsMissingAndMarksPresence()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        var features = Enumerable.Range(0, ImageInputs.FeatureSize).Select(i => (float)i).ToArray();
        var regions = Enumerable.Range(0, ImageInputs.RegionsLength).Select(i => i * 0.5f).ToArray();
        EncodedExample[] rows = [Row(4, 0), Row(4, 1) with { ImageFeatures = features, ImageRegions = regions }];
        var data = new EncodedDataset(rows, 4);

        var batch = data.Batch([1, 0]);

        Assert.Equal([2L, ImageInputs.FeatureSize], batch.ImageFeatures!.shape);
        Assert.Equal([2L, ImageInputs.RegionCount, ImageInputs.FeatureSize], batch.ImageRegions!.shape);
        Assert.Equal([1f, 0f], batch.HasImageFeatures!.data<float>().ToArray());
        Assert.Equal([1f, 0f], batch.HasImageRegions!.data<float>().ToArray());
        Assert.Equal(features, batch.ImageFeatures[0].data<float>().ToArray());
        Assert.Equal(regions, batch.ImageRegions[0].reshape(-1).data<float>().ToArray());
        Assert.All(batch.ImageFeatures[1].data<float>().ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Batch_NoImageRows_LeavesImageTensorsNull()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        var batch = new EncodedDataset([Row(4, 0), Row(4, 1)], 4).Batch([0, 1]);

        Assert.Null(batch.ImageFeatures);
        Assert.Null(batch.ImageRegions);
        Assert.Null(batch.HasImageFeatures);
    }

    private static EncodedExample Row(int length, int label) =>
        new([.. Enumerable.Repeat(7L, length)], [.. Enumerable.Repeat(1L, length)], new long[length], label);
}
