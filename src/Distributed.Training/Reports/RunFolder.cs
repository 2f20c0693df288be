using System.Text.Json;
using System.Text.Json.Serialization;
using Distributed.Learning.Evaluation;
using Distributed.Learning.Training;
using Distributed.Training.Runs;

namespace Distributed.Training.Reports;

/// <summary>Scores of a run (<c>metrics.json</c>): dev and test reports (test null when the split is empty).</summary>
/// <param name="Dev">Dev scores.</param>
/// <param name="Test">Test scores.</param>
public sealed record RunMetrics(ClassificationReport Dev, ClassificationReport? Test);

/// <summary>Curves of a run (<c>curves.json</c>): loss per step and dev scores per epoch.</summary>
/// <param name="Steps">Loss per optimizer step.</param>
/// <param name="Epochs">Mean train loss and dev scores per epoch.</param>
/// <param name="BestEpoch">The epoch whose weights were kept.</param>
/// <param name="StoppedEarly">Whether patience ran out.</param>
public sealed record RunCurves(IReadOnlyList<StepPoint> Steps, IReadOnlyList<EpochResult> Epochs, int BestEpoch, bool StoppedEarly);

/// <summary>
/// A run folder <c>&lt;data root&gt;/runs/&lt;run&gt;/</c>: <c>model/</c> (<see cref="ModelFolder"/>),
/// <c>provenance.json</c>, <c>metrics.json</c>, <c>curves.json</c>, <c>training_curves.png</c>,
/// <c>confusion_matrix.png</c>, and <c>checkpoints/</c> when asked for.
/// </summary>
public sealed class RunFolder(string path)
{
    /// <summary>JSON options of every run file: snake_case, indented, enums as snake_case strings.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The exported model.</summary>
    public string Model => System.IO.Path.Combine(Path, "model");

    /// <summary>Per-epoch checkpoints (when enabled).</summary>
    public string Checkpoints => System.IO.Path.Combine(Path, "checkpoints");

    /// <summary>The folder of run <paramref name="run"/> under <paramref name="dataRoot"/>.</summary>
    public static RunFolder For(string dataRoot, string run)
    {
        if (string.IsNullOrWhiteSpace(run) || run.IndexOfAny(['/', '\\']) >= 0 || run is "." or "..")
        {
            throw new ArgumentException($"--run '{run}': a run id must be a plain name (no path separators).");
        }

        return new RunFolder(System.IO.Path.Combine(dataRoot, "runs", run));
    }

    /// <summary>A new run id: <c>run-yyyyMMdd-HHmmss-xxxxxx</c>.</summary>
    public static string NewRunId(TimeProvider time) =>
        $"run-{(time ?? TimeProvider.System).GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Writes a JSON file into the folder and returns its path.</summary>
    public string WriteJson<T>(string name, T value)
    {
        Directory.CreateDirectory(Path);
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, JsonSerializer.Serialize(value, Json));
        return file;
    }

    /// <summary>Writes metrics, curves and both plots (the confusion matrix of test, else dev); returns the plot paths.</summary>
    public IReadOnlyList<string> WriteReport(TrainingOutcome outcome, RunMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return WriteReport(new RunCurves(outcome.Steps, outcome.Summary.Epochs, outcome.Summary.BestEpoch, outcome.Summary.StoppedEarly), metrics);
    }

    /// <summary>Writes metrics, curves and both plots (the confusion matrix of test, else dev); returns the plot paths.</summary>
    public IReadOnlyList<string> WriteReport(RunCurves curves, RunMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(metrics);
        WriteJson("metrics.json", metrics);
        WriteJson("curves.json", curves);
        var curvesPlot = System.IO.Path.Combine(Path, RunPlots.TrainingCurvesFile);
        RunPlots.TrainingCurves(curvesPlot, curves.Steps, curves.Epochs);
        var confusion = System.IO.Path.Combine(Path, RunPlots.ConfusionMatrixFile);
        RunPlots.ConfusionMatrix(confusion, metrics.Test ?? metrics.Dev, metrics.Test is null ? "Confusion matrix (dev)" : "Confusion matrix (test)");
        return [curvesPlot, confusion];
    }
}
