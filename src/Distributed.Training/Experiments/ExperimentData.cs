using Distributed.Learning.Training;

namespace Distributed.Training.Experiments;

/// <summary>Validated experiment rows, grouped by split.</summary>
internal sealed class ExperimentData
{
    private ExperimentData(IReadOnlyDictionary<string, IReadOnlyList<ExperimentRow>> splits) => Splits = splits;

    /// <summary>Rows of each split (train, dev, test), in input order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ExperimentRow>> Splits { get; }

    /// <summary>
    /// Checks the rows for <paramref name="variants"/>; throws <see cref="ArgumentException"/> naming the problem (the
    /// row id, the split or the variant).
    /// </summary>
    public static ExperimentData Create(
        IReadOnlyList<ExperimentRow> rows, IReadOnlyList<string> labels, IReadOnlyList<ExperimentVariant> variants)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count < 2)
        {
            throw new ArgumentException($"The label set has {labels.Count} names; at least two are required.", nameof(labels));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            CheckRow(row, labels.Count, ids, nameof(rows));
        }

        var splits = ExperimentSplit.All.ToDictionary(
            s => s, s => (IReadOnlyList<ExperimentRow>)[.. rows.Where(r => r.Split == s)], StringComparer.Ordinal);
        foreach (var (split, members) in splits)
        {
            if (members.Count == 0)
            {
                throw new ArgumentException($"The {split} split is empty: every split (train, dev, test) needs at least one row.", nameof(rows));
            }
        }

        CheckVariantInputs(rows, variants, splits);
        return new ExperimentData(splits);
    }

    private static void CheckRow(ExperimentRow row, int labelCount, HashSet<string> ids, string paramName)
    {
        if (row is null || string.IsNullOrEmpty(row.Id))
        {
            throw new ArgumentException("Every row needs a non-empty id.", paramName);
        }

        if (!ids.Add(row.Id))
        {
            throw new ArgumentException($"Row id '{row.Id}' occurs more than once.", paramName);
        }

        if (row.Text is null)
        {
            throw new ArgumentException($"Row '{row.Id}' has no text (null).", paramName);
        }

        if (!ExperimentSplit.All.Contains(row.Split))
        {
            throw new ArgumentException($"Row '{row.Id}' has split '{row.Split}'; expected train, dev or test.", paramName);
        }

        if (row.Label < 0 || row.Label >= labelCount)
        {
            throw new ArgumentException(
                $"Row '{row.Id}' has label {row.Label}, outside the label set of {labelCount} labels (0..{labelCount - 1}).", paramName);
        }

        if (row.ImageFeatures is { Length: not ImageInputs.FeatureSize } features)
        {
            throw new ArgumentException($"Row '{row.Id}' has {features.Length} image features; expected {ImageInputs.FeatureSize}.", paramName);
        }

        if (row.ImageRegions is { Length: not ImageInputs.RegionsLength } regions)
        {
            throw new ArgumentException(
                $"Row '{row.Id}' has {regions.Length} image region features; expected {ImageInputs.RegionsLength} (49×512).", paramName);
        }
    }

    private static void CheckVariantInputs(
        IReadOnlyList<ExperimentRow> rows, IReadOnlyList<ExperimentVariant> variants,
        Dictionary<string, IReadOnlyList<ExperimentRow>> splits)
    {
        foreach (var variant in variants)
        {
            var missing = variant.Architecture switch
            {
                VariantArchitecture.LateFusion when !rows.Any(r => r.ImageFeatures is not null) => "ResNet18 image features (512 per row)",
                VariantArchitecture.CrossAttention when !rows.Any(r => r.ImageRegions is not null) => "ResNet18 region features (49×512 per row)",
                _ when variant.Input != VariantInput.Post && !rows.Any(r => r.HasDescription) => "image descriptions",
                _ => null,
            };
            if (missing is not null)
            {
                throw new ArgumentException($"Variant ({variant.Key}) {variant.Name} needs {missing}, but no row has any.", nameof(rows));
            }

            if (variant.Input == VariantInput.PostAndShuffledDescription)
            {
                foreach (var (split, members) in splits)
                {
                    if (members.Count(r => r.HasDescription) == 1)
                    {
                        throw new ArgumentException(
                            $"Variant ({variant.Key}) shuffles descriptions within a split, but the {split} split has only one row with a description.",
                            nameof(rows));
                    }
                }
            }
        }
    }
}
