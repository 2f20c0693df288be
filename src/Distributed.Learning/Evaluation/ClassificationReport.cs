using System.Text.Json;

namespace Distributed.Learning.Evaluation;

/// <summary>
/// Scores of a classifier on one evaluation set, as computed by <see cref="ClassificationMetrics.Compute"/>.
/// Serialises to JSON with snake_case keys (<c>count</c>, <c>accuracy</c>, <c>macro_f1</c>, <c>weighted_f1</c>,
/// <c>classes</c>, <c>confusion_matrix</c>).
/// </summary>
/// <param name="Count">Rows evaluated.</param>
/// <param name="Accuracy">Rows predicted correctly / <paramref name="Count"/>.</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1 over every given label, including labels with no support.</param>
/// <param name="WeightedF1">Per-class F1 weighted by support (labels with no support weigh 0).</param>
/// <param name="Classes">Per-class metrics, in label-index order.</param>
/// <param name="ConfusionMatrix">Counts indexed [truth][predicted], both in label-index order.</param>
public sealed record ClassificationReport(
    int Count,
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<ClassMetrics> Classes,
    int[][] ConfusionMatrix)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The report as indented JSON with snake_case keys.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a report (e.g. a key is missing or null).</exception>
    public static ClassificationReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<ClassificationReport>(json, JsonOptions)
            ?? throw new JsonException("the JSON is null, not a classification report");
    }
}
