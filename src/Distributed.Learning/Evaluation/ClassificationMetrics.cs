namespace Distributed.Learning.Evaluation;

/// <summary>
/// Accuracy, per-class precision / recall / F1, macro and support-weighted F1 and the confusion matrix, matching
/// scikit-learn's <c>classification_report(..., labels=range(len(labels)), zero_division=0)</c>: a label never
/// predicted has precision 0, a label with no support has recall 0, and no value is NaN. As in scikit-learn with
/// explicit labels, the macro average runs over every given label, so a label absent from both truth and
/// predictions counts as F1 = 0 and lowers it; the weighted average gives such a label weight 0.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="truth"/>, both label indices into <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The label set is empty, the lists differ in length or are empty, or an index is outside the label set.
    /// </exception>
    public static ClassificationReport Compute(
        IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        Validate(truth, predicted, labels);

        var classes = labels.Count;
        var matrix = new int[classes][];
        for (var i = 0; i < classes; i++)
        {
            matrix[i] = new int[classes];
        }

        for (var row = 0; row < truth.Count; row++)
        {
            matrix[truth[row]][predicted[row]]++;
        }

        var perClass = new ClassMetrics[classes];
        var correct = 0;
        for (var c = 0; c < classes; c++)
        {
            var truePositives = matrix[c][c];
            var support = matrix[c].Sum();
            var predictedCount = matrix.Sum(r => r[c]);
            correct += truePositives;
            perClass[c] = new ClassMetrics(
                labels[c],
                Ratio(truePositives, predictedCount),
                Ratio(truePositives, support),
                Ratio(2 * truePositives, support + predictedCount),
                support);
        }

        var count = truth.Count;
        return new ClassificationReport(
            count,
            (double)correct / count,
            perClass.Average(m => m.F1),
            perClass.Sum(m => m.F1 * m.Support) / count,
            perClass,
            matrix);
    }

    /// <summary>numerator / denominator, or 0 when the denominator is 0 (scikit-learn's <c>zero_division=0</c>).</summary>
    private static double Ratio(int numerator, int denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;

    private static void Validate(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> labels)
    {
        if (labels.Count == 0)
        {
            throw new ArgumentException("the label set is empty", nameof(labels));
        }

        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException(
                $"truth has {truth.Count} rows but predicted has {predicted.Count}", nameof(predicted));
        }

        if (truth.Count == 0)
        {
            throw new ArgumentException("there are no rows to evaluate", nameof(truth));
        }

        for (var row = 0; row < truth.Count; row++)
        {
            CheckIndex(truth[row], row, labels.Count, nameof(truth));
            CheckIndex(predicted[row], row, labels.Count, nameof(predicted));
        }
    }

    private static void CheckIndex(int index, int row, int labelCount, string paramName)
    {
        if (index < 0 || index >= labelCount)
        {
            throw new ArgumentException(
                $"label index {index} at row {row} is outside the label set of {labelCount}", paramName);
        }
    }
}
