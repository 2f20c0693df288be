using Distributed.Learning.Evaluation;

namespace Distributed.Training.Corpus;

/// <summary>The split of a row: its file's, else its manifest's split column, else the hash of its id.</summary>
internal static class CorpusSplits
{
    /// <summary>The row's split and whether it came from the hash.</summary>
    public static (string Split, bool Hashed) Of(DatasetRow row, SplitRatios ratios, int seed)
    {
        if (row.File.Split is { } implied)
        {
            return (implied, false);
        }

        if (string.IsNullOrWhiteSpace(row.Row.Split))
        {
            return (DataSplit.Assign(row.Row.Id, ratios, seed), true);
        }

        return row.Row.Split.Trim().ToLowerInvariant() switch
        {
            "train" => (DataSplit.Train, false),
            "dev" or "val" or "valid" or "validation" => (DataSplit.Dev, false),
            "test" => (DataSplit.Test, false),
            var other => throw new InvalidDataException(
                $"Row '{row.Row.Id}' in '{row.File.Path}' has split '{other}'; expected train, dev (or val/validation) or test."),
        };
    }
}
