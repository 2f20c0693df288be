using System.Text.Json;
using Distributed.Learning.Evaluation;

namespace Distributed.Learning.Tests.Evaluation;

public sealed class ClassificationReportTests
{
    private static ClassificationReport Sample() =>
        ClassificationMetrics.Compute([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0], ["positive", "neutral", "negative"]);

    [Fact]
    public void ToJson_Always_UsesSnakeCaseKeys()
    {
        using var document = JsonDocument.Parse(Sample().ToJson());
        var root = document.RootElement;

        Assert.Equal(6, root.GetProperty("count").GetInt32());
        Assert.True(root.TryGetProperty("macro_f1", out _));
        Assert.True(root.TryGetProperty("weighted_f1", out _));
        Assert.Equal(3, root.GetProperty("confusion_matrix").GetArrayLength());
        var first = root.GetProperty("classes")[0];
        Assert.Equal("positive", first.GetProperty("label").GetString());
        Assert.Equal(0.5, first.GetProperty("f1").GetDouble());
    }

    [Fact]
    public void FromJson_OfToJson_RoundTripsEveryValue()
    {
        var original = Sample();

        var copy = ClassificationReport.FromJson(original.ToJson());

        Assert.Equal(original.Count, copy.Count);
        Assert.Equal(original.Accuracy, copy.Accuracy);
        Assert.Equal(original.MacroF1, copy.MacroF1);
        Assert.Equal(original.WeightedF1, copy.WeightedF1);
        Assert.Equal(original.Classes, copy.Classes);
        Assert.Equal(original.ConfusionMatrix, copy.ConfusionMatrix);
    }

    [Fact]
    public void FromJson_Null_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => ClassificationReport.FromJson("null"));
    }

    [Fact]
    public void FromJson_MissingKey_ThrowsJsonException()
    {
        Assert.Throws<JsonException>(() => ClassificationReport.FromJson("""{"count": 1, "accuracy": 1}"""));
    }
}
