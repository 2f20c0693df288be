using Distributed.Learning.Evaluation;

namespace Distributed.Learning.Tests.Evaluation;

public sealed class ClassificationMetricsTests
{
    private const int Precision = 12;
    private static readonly string[] Affect = ["positive", "neutral", "negative"];

    // truth [0,0,1,1,2,2], predicted [0,1,1,1,2,0]: rows 0, 2, 3, 4 correct -> accuracy 4/6.
    // class 0: predicted at rows 0,5 (TP 1) -> P 1/2, R 1/2, F1 1/2
    // class 1: predicted at rows 1,2,3 (TP 2) -> P 2/3, R 2/2 = 1, F1 2*2/(2*2+1+0) = 4/5
    // class 2: predicted at row 4 (TP 1) -> P 1, R 1/2, F1 2/(2+0+1) = 2/3
    // macro F1 = (1/2 + 4/5 + 2/3) / 3 = 59/90; every support is 2, so weighted F1 = 59/90 too
    // (sklearn f1_score(..., average="macro") = 0.6555555555555556).
    [Fact]
    public void Compute_ThreeClassExample_MatchesScikitLearn()
    {
        var report = ClassificationMetrics.Compute([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0], Affect);

        Assert.Equal(6, report.Count);
        Assert.Equal(4.0 / 6, report.Accuracy, Precision);
        AssertClass(report.Classes[0], "positive", 0.5, 0.5, 0.5, 2);
        AssertClass(report.Classes[1], "neutral", 2.0 / 3, 1.0, 0.8, 2);
        AssertClass(report.Classes[2], "negative", 1.0, 0.5, 2.0 / 3, 2);
        Assert.Equal(59.0 / 90, report.MacroF1, Precision);
        Assert.Equal(59.0 / 90, report.WeightedF1, Precision);
    }

    // truth [0,0,0,1], predicted [0,0,1,1]:
    // class 0: P 2/2 = 1, R 2/3, F1 4/5 (support 3); class 1: P 1/2, R 1, F1 2/3 (support 1)
    // macro = (4/5 + 2/3) / 2 = 11/15; weighted = (3*4/5 + 1*2/3) / 4 = 23/30.
    [Fact]
    public void Compute_UnevenSupport_WeightsF1BySupport()
    {
        var report = ClassificationMetrics.Compute([0, 0, 0, 1], [0, 0, 1, 1], ["positive", "negative"]);

        Assert.Equal(11.0 / 15, report.MacroF1, Precision);
        Assert.Equal(23.0 / 30, report.WeightedF1, Precision);
    }

    // truth [0,1,2], predicted [0,0,0], plus a 4th label absent from both:
    // class 0: P 1/3, R 1, F1 2/(2+2+0) = 1/2; classes 1, 2: never predicted -> P 0, R 0, F1 0;
    // class 3: no support, no predictions -> all 0 (zero_division=0); macro over all 4 labels = 1/8;
    // weighted = (1 * 1/2) / 3 = 1/6.
    [Fact]
    public void Compute_ClassNeverPredicted_HasZeroPrecisionAndNoNaN()
    {
        var report = ClassificationMetrics.Compute([0, 1, 2], [0, 0, 0], ["positive", "neutral", "negative", "mixed"]);

        AssertClass(report.Classes[0], "positive", 1.0 / 3, 1.0, 0.5, 1);
        AssertClass(report.Classes[1], "neutral", 0, 0, 0, 1);
        AssertClass(report.Classes[3], "mixed", 0, 0, 0, 0);
        Assert.Equal(1.0 / 8, report.MacroF1, Precision);
        Assert.Equal(1.0 / 6, report.WeightedF1, Precision);
        Assert.All(report.Classes, c => Assert.False(double.IsNaN(c.Precision + c.Recall + c.F1)));
    }

    [Fact]
    public void Compute_PerfectPredictions_AreAllOne()
    {
        var report = ClassificationMetrics.Compute([0, 1, 2, 2], [0, 1, 2, 2], Affect);

        Assert.Equal(1.0, report.Accuracy);
        Assert.Equal(1.0, report.MacroF1);
        Assert.Equal(1.0, report.WeightedF1);
        Assert.All(report.Classes, c => Assert.Equal((1.0, 1.0, 1.0), (c.Precision, c.Recall, c.F1)));
    }

    [Fact]
    public void Compute_ConfusionMatrix_HasTruthRowsAndPredictedColumns()
    {
        var report = ClassificationMetrics.Compute([0, 1, 1, 2], [1, 1, 0, 1], Affect);

        int[][] expected = [[0, 1, 0], [1, 1, 0], [0, 1, 0]];
        Assert.Equal(expected, report.ConfusionMatrix);
    }

    [Fact]
    public void Compute_LengthsDiffer_ThrowsNamingBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0, 1, 2], [0, 1], Affect));
        Assert.Contains("truth has 3 rows but predicted has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NoRows_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([], [], Affect));
        Assert.Contains("no rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_IndexOutsideLabelSet_ThrowsNamingIndexAndRow()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0, 1, 2], [0, 5, 2], Affect));
        Assert.Contains("label index 5 at row 1 is outside the label set of 3", error.Message, StringComparison.Ordinal);
        Assert.Equal("predicted", error.ParamName);
    }

    [Fact]
    public void Compute_NegativeTruthIndex_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0, -1], [0, 0], Affect));
        Assert.Contains("label index -1 at row 1", error.Message, StringComparison.Ordinal);
        Assert.Equal("truth", error.ParamName);
    }

    [Fact]
    public void Compute_EmptyLabelSet_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0], [0], []));
    }

    private static void AssertClass(ClassMetrics actual, string label, double precision, double recall, double f1, int support)
    {
        Assert.Equal(label, actual.Label);
        Assert.Equal(precision, actual.Precision, Precision);
        Assert.Equal(recall, actual.Recall, Precision);
        Assert.Equal(f1, actual.F1, Precision);
        Assert.Equal(support, actual.Support);
    }
}
