namespace Distributed.Training.Experiments;

/// <summary>The split names of <see cref="ExperimentRow.Split"/>.</summary>
public static class ExperimentSplit
{
    /// <summary>Rows the models train on.</summary>
    public const string Train = "train";

    /// <summary>Rows for early stopping (dev weighted F1).</summary>
    public const string Dev = "dev";

    /// <summary>Rows the reported metrics and the alignment diagnostics come from.</summary>
    public const string Test = "test";

    /// <summary>The three splits, in order.</summary>
    public static IReadOnlyList<string> All { get; } = [Train, Dev, Test];
}
