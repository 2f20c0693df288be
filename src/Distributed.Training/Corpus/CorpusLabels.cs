using Distributed.Learning.Evaluation;

namespace Distributed.Training.Corpus;

/// <summary>The label set of a corpus and the checks that every row's label is in it.</summary>
internal static class CorpusLabels
{
    /// <summary>
    /// <paramref name="given"/> when set (trimmed, duplicates rejected), else the ordinally sorted distinct labels of
    /// the train rows. Throws <see cref="InvalidDataException"/> naming the first row without a label or with a label
    /// outside the set (its id, file and label), and when the set has fewer than two labels.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<(DatasetRow Row, string Split)> rows, IReadOnlyList<string>? given, bool required = true)
    {
        if (!required)
        {
            return given is { Count: > 0 } ? given : throw new ArgumentException("Unlabelled rows need the label set (the model's).");
        }

        foreach (var (row, _) in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Row.Label))
            {
                throw new InvalidDataException($"Row '{row.Row.Id}' in '{row.File.Path}' has no label; every row needs one to train or evaluate.");
            }
        }

        IReadOnlyList<string> labels;
        if (given is { Count: > 0 })
        {
            labels = [.. given.Select(l => l.Trim())];
            var duplicate = labels.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new ArgumentException($"--labels names '{duplicate.Key}' twice.");
            }
        }
        else
        {
            labels = [.. rows.Where(r => r.Split == DataSplit.Train).Select(r => r.Row.Row.Label!.Trim())
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        if (labels.Count < 2)
        {
            throw new InvalidDataException(
                $"The label set has {labels.Count} label(s) ({string.Join(", ", labels)}); a classifier needs at least 2 " +
                "(the set is the train split's labels, or --labels).");
        }

        var set = labels.ToHashSet(StringComparer.Ordinal);
        foreach (var (row, split) in rows)
        {
            var label = row.Row.Label!.Trim();
            if (!set.Contains(label))
            {
                throw new InvalidDataException(
                    $"Row '{row.Row.Id}' ({split}) in '{row.File.Path}' has label '{label}', which is not in the label set " +
                    $"[{string.Join(", ", labels)}].");
            }
        }

        return labels;
    }
}
