using ScottPlot;

namespace Distributed.Training.Experiments;

/// <summary>PNG plots of an experiment, drawn with ScottPlot.</summary>
public static class ExperimentPlots
{
    /// <summary>File name of the results bar chart.</summary>
    public const string ResultsFile = "experiment_results.png";

    /// <summary>File name of the dev curves plot.</summary>
    public const string CurvesFile = "experiment_dev_curves.png";

    /// <summary>Test accuracy and weighted F1 per variant as bars (mean over seeds) with ± std error bars.</summary>
    public static void Results(string path, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        plot.Title($"Test metrics per variant ({result.Seeds.Count} seed(s), mean ± std)");
        plot.YLabel("score");
        var palette = new ScottPlot.Palettes.Category10();
        var metrics = new (string Name, Func<VariantResult, (double Mean, double Std)> Value)[]
        {
            ("accuracy", r => (r.Accuracy, r.AccuracyStd)),
            ("weighted F1", r => (r.WeightedF1, r.WeightedF1Std)),
        };
        var bars = new List<Bar>();
        for (var v = 0; v < result.Results.Count; v++)
        {
            for (var m = 0; m < metrics.Length; m++)
            {
                var (mean, std) = metrics[m].Value(result.Results[v]);
                bars.Add(new Bar
                {
                    Position = (v * (metrics.Length + 1)) + m,
                    Value = mean,
                    Error = std,
                    FillColor = palette.GetColor(m),
                });
            }
        }

        plot.Add.Bars(bars);
        var legend = metrics.Select((metric, m) => new LegendItem { LabelText = metric.Name, FillColor = palette.GetColor(m) });
        plot.Legend.ManualItems.AddRange(legend);
        plot.ShowLegend(Alignment.LowerRight);
        var ticks = result.Results.Select((r, v) => new Tick((v * (metrics.Length + 1)) + ((metrics.Length - 1) / 2.0), $"({r.Variant})")).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.SavePng(path, 900, 500);
    }

    /// <summary>Dev weighted F1 after each epoch, one line per variant (the first seed).</summary>
    public static void DevCurves(string path, ExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        plot.Title(result.Seeds.Count > 0 ? $"Dev weighted F1 per epoch (seed {result.Seeds[0]})" : "Dev weighted F1 per epoch");
        plot.XLabel("epoch");
        plot.YLabel("dev weighted F1");
        foreach (var variant in result.Results)
        {
            var epochs = variant.Seeds.Count > 0 ? variant.Seeds[0].Epochs : [];
            if (epochs.Count == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(epochs.Select(e => (double)(e.Epoch + 1)).ToArray(), epochs.Select(e => e.DevWeightedF1).ToArray());
            line.LegendText = $"({variant.Variant}) {variant.Name}";
        }

        plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 900, 500);
    }
}
