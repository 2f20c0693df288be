using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Distributed.Training.Experiments;

/// <summary>
/// The experiment's report: a Markdown table for people and snake_case JSON for tools (<c>results</c>: one object per
/// variant with <c>variant</c>, <c>name</c>, <c>accuracy</c>, <c>accuracy_std</c>, <c>weighted_f1</c>,
/// <c>weighted_f1_std</c>, <c>macro_f1</c>, <c>macro_f1_std</c>, <c>seeds</c> (per-seed values and epoch curves);
/// <c>alignment</c>: <c>text_image</c> and <c>text_description</c>; also <c>labels</c> and <c>seeds</c>).
/// </summary>
public sealed class ExperimentReport(ExperimentResult result)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>The result reported.</summary>
    public ExperimentResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));

    /// <summary>The result as indented snake_case JSON (fractions, not percentages).</summary>
    public string ToJson() => JsonSerializer.Serialize(Result, JsonOptions);

    /// <summary>A Markdown summary: metrics as mean ± sample std in percent, then the alignment diagnostics.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"## Results (test split, {Result.Seeds.Count} seed(s): {string.Join(", ", Result.Seeds)})");
        text.AppendLine();
        text.AppendLine("| Variant | Name | Accuracy | Weighted F1 | Macro F1 |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var r in Result.Results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| ({r.Variant}) | {r.Name} | {Percent(r.Accuracy, r.AccuracyStd)} | {Percent(r.WeightedF1, r.WeightedF1Std)} | {Percent(r.MacroF1, r.MacroF1Std)} |");
        }

        text.AppendLine();
        text.AppendLine("## Alignment (test split, mean over seeds; shuffled = second side deranged)");
        text.AppendLine();
        text.AppendLine("| Pair | Rows | Cosine (matched) | Cosine (shuffled) | Linear CKA (matched) | Linear CKA (shuffled) |");
        text.AppendLine("|---|---|---|---|---|---|");
        AppendAlignment(text, "late fusion: text vs ResNet18 image", Result.Alignment.TextImage);
        AppendAlignment(text, "method (d): post vs description", Result.Alignment.TextDescription);
        return text.ToString();
    }

    private static void AppendAlignment(StringBuilder text, string pair, AlignmentSummary? summary)
    {
        if (summary is null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {pair} | – | not run | | | |");
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {pair} | {summary.Seeds[0].Rows} | {summary.MatchedCosine:F3} | {summary.ShuffledCosine:F3} | {summary.MatchedCka:F3} | {summary.ShuffledCka:F3} |");
    }

    private static string Percent(double mean, double std) =>
        string.Create(CultureInfo.InvariantCulture, $"{mean * 100:F2} ± {std * 100:F2}");
}
