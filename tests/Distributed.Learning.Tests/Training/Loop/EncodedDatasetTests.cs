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
    public void Evaluate_LabelOutsideLabelSet_ThrowsNamingRowAndLabel()
    {
        TrainingSeed.Apply(1);
        using var model = SyntheticAffect.Model();
        var data = new EncodedDataset([Row(4, 1), Row(4, 2)], 4);

        var error = Assert.Throws<ArgumentException>(() => ModelEvaluator.Evaluate(model, data, SyntheticData.Labels));
        Assert.Contains("Row 1 has label 2", error.Message, StringComparison.Ordinal);
    }

    private static EncodedExample Row(int length, int label) =>
        new([.. Enumerable.Repeat(7L, length)], [.. Enumerable.Repeat(1L, length)], new long[length], label);
}
