using System.Text.Json.Serialization;
using Distributed.Learning.Training;

namespace Distributed.Training.Experiments;

/// <summary>Everything the experiment measured.</summary>
/// <param name="Labels">Label names, by index.</param>
/// <param name="Seeds">The seeds run.</param>
/// <param name="Results">One entry per variant run, in key order.</param>
/// <param name="Alignment">Alignment diagnostics on the test split (means over seeds).</param>
/// <param name="ShuffledDescriptionSources">
/// For variant (g), per seed: row id → id of the row whose description it read (not serialised).
/// </param>
public sealed record ExperimentResult(
    IReadOnlyList<string> Labels,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<VariantResult> Results,
    AlignmentDiagnostics Alignment,
    [property: JsonIgnore] IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> ShuffledDescriptionSources);

/// <summary>Test metrics of one variant: means and sample standard deviations over seeds (0 for one seed), as fractions.</summary>
public sealed record VariantResult(
    string Variant,
    string Name,
    double Accuracy,
    double AccuracyStd,
    double WeightedF1,
    double WeightedF1Std,
    double MacroF1,
    double MacroF1Std,
    IReadOnlyList<SeedResult> Seeds);

/// <summary>One run of a variant.</summary>
/// <param name="Seed">Its seed.</param>
/// <param name="Accuracy">Test accuracy of the best-dev weights.</param>
/// <param name="WeightedF1">Test weighted F1.</param>
/// <param name="MacroF1">Test macro F1.</param>
/// <param name="BestEpoch">The epoch whose weights were scored.</param>
/// <param name="StoppedEarly">True when patience ran out.</param>
/// <param name="Epochs">Per-epoch curve: train loss, dev weighted F1, dev accuracy.</param>
public sealed record SeedResult(
    int Seed, double Accuracy, double WeightedF1, double MacroF1, int BestEpoch, bool StoppedEarly, IReadOnlyList<EpochResult> Epochs);

/// <summary>Agreement of two embeddings of the same test rows, matched and with one side deranged.</summary>
public sealed record AlignmentMeasure(
    int Seed, int Rows, double MatchedCosine, double ShuffledCosine, double MatchedCka, double ShuffledCka);

/// <summary>Means over seeds of <see cref="AlignmentMeasure"/>, with the per-seed values.</summary>
public sealed record AlignmentSummary(
    double MatchedCosine, double ShuffledCosine, double MatchedCka, double ShuffledCka, IReadOnlyList<AlignmentMeasure> Seeds)
{
    /// <summary>The means of <paramref name="measures"/>, or null when there are none.</summary>
    public static AlignmentSummary? Of(IReadOnlyList<AlignmentMeasure> measures) => measures.Count == 0
        ? null
        : new AlignmentSummary(
            measures.Average(m => m.MatchedCosine), measures.Average(m => m.ShuffledCosine),
            measures.Average(m => m.MatchedCka), measures.Average(m => m.ShuffledCka), measures);
}

/// <summary>The two alignment diagnostics; each is null when its variant was not run or had fewer than two rows.</summary>
/// <param name="TextImage">Late fusion (b): its text-side embedding vs its projected ResNet18 image embedding.</param>
/// <param name="TextDescription">The method (d): embedding of the post alone vs embedding of the description alone.</param>
public sealed record AlignmentDiagnostics(AlignmentSummary? TextImage, AlignmentSummary? TextDescription);
