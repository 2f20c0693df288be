using Distributed.Learning.Evaluation;

namespace Distributed.Training.Experiments;

/// <summary>The control of variant (g): every description moves to another row of the same split.</summary>
public static class DescriptionShuffle
{
    /// <summary>
    /// Returns <paramref name="rows"/> (one split) with the descriptions of the rows that have one permuted by
    /// <see cref="Derangement.Create"/>(count, <paramref name="seed"/>), so no such row keeps its own; rows without a
    /// description stay text-only. <paramref name="sources"/> receives row id → id of the row the description came from.
    /// </summary>
    public static IReadOnlyList<ExperimentRow> Derange(
        IReadOnlyList<ExperimentRow> rows, int seed, IDictionary<string, string> sources)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sources);
        var described = rows.Select((row, index) => (row, index)).Where(p => p.row.HasDescription).ToArray();
        if (described.Length == 0)
        {
            return rows;
        }

        var order = Derangement.Create(described.Length, seed);
        var result = rows.ToArray();
        for (var i = 0; i < described.Length; i++)
        {
            var source = described[order[i]].row;
            result[described[i].index] = described[i].row with { Description = source.Description };
            sources[described[i].row.Id] = source.Id;
        }

        return result;
    }

    /// <summary>The derangement seed of a split: the run seed offset per split so the three splits differ.</summary>
    public static int SplitSeed(int seed, string split) =>
        unchecked(seed * 31 + ExperimentSplit.All.ToList().IndexOf(split) * 7919 + 17);
}
