using System.Globalization;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Training;
using Distributed.Training.Runs;
using ScottPlot;

namespace Distributed.Training.Reports;

/// <summary>PNG plots of a run, drawn with ScottPlot.</summary>
public static class RunPlots
{
    /// <summary>File name of the training curves plot.</summary>
    public const string TrainingCurvesFile = "training_curves.png";

    /// <summary>File name of the confusion matrix plot.</summary>
    public const string ConfusionMatrixFile = "confusion_matrix.png";

    /// <summary>
    /// Loss per optimizer step (left axis) and dev weighted F1 after each epoch, placed at the epoch's last step
    /// (right axis, 0–1). Writes <paramref name="path"/> (800 × 500).
    /// </summary>
    public static void TrainingCurves(string path, IReadOnlyList<StepPoint> steps, IReadOnlyList<EpochResult> epochs)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(epochs);
        var plot = new Plot();
        plot.Title("Training curves");
        plot.XLabel("optimizer step");
        plot.YLabel("loss");
        if (steps.Count > 0)
        {
            var loss = plot.Add.Scatter(steps.Select(s => (double)s.Step).ToArray(), steps.Select(s => s.Loss).ToArray());
            loss.LegendText = "train loss (per step)";
            loss.MarkerSize = steps.Count > 50 ? 0 : 4;
        }

        if (epochs.Count > 0)
        {
            var lastStep = epochs.Select(e => steps.Where(s => s.Epoch == e.Epoch).Select(s => (double)s.Step).DefaultIfEmpty(e.Epoch).Max()).ToArray();
            var f1 = plot.Add.Scatter(lastStep, epochs.Select(e => e.DevWeightedF1).ToArray());
            f1.LegendText = "dev weighted F1 (per epoch)";
            f1.MarkerSize = 8;
            f1.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "dev weighted F1";
            plot.Axes.SetLimitsY(0, 1, plot.Axes.Right);
        }

        plot.ShowLegend();
        plot.SavePng(path, 800, 500);
    }

    /// <summary>The confusion matrix as a heatmap annotated with counts (rows: truth, columns: prediction).</summary>
    public static void ConfusionMatrix(string path, ClassificationReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var labels = report.Classes.Select(c => c.Label).ToArray();
        var n = labels.Length;
        var values = new double[n, n];
        var max = 1;
        for (var truth = 0; truth < n; truth++)
        {
            for (var predicted = 0; predicted < n; predicted++)
            {
                values[truth, predicted] = report.ConfusionMatrix[truth][predicted];
                max = Math.Max(max, report.ConfusionMatrix[truth][predicted]);
            }
        }

        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("predicted");
        plot.YLabel("true");
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues();
        heatmap.FlipVertically = false;
        heatmap.Extent = new CoordinateRect(-0.5, n - 0.5, -0.5, n - 0.5);
        for (var truth = 0; truth < n; truth++)
        {
            for (var predicted = 0; predicted < n; predicted++)
            {
                var count = report.ConfusionMatrix[truth][predicted];
                var text = plot.Add.Text(count.ToString(CultureInfo.InvariantCulture), predicted, n - 1 - truth);
                text.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
                text.LabelFontSize = 16;
                text.LabelFontColor = count > max / 2 ? Colors.Black : Colors.White;
            }
        }

        var ticks = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, labels);
        plot.Axes.Left.SetTicks(ticks, [.. labels.Reverse()]);
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Add.ColorBar(heatmap);
        plot.SavePng(path, 600, 520);
    }
}
