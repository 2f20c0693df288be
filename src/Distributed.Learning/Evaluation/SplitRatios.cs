using System.Globalization;

namespace Distributed.Learning.Evaluation;

/// <summary>
/// Shares of rows that <see cref="DataSplit.Assign"/> puts in train, dev and test; defaults 0.8 / 0.1 / 0.1.
/// Each must be non-negative and the three must sum to 1 within 1e-9. The properties are get-only so a
/// <c>with</c> expression cannot bypass the check.
/// </summary>
/// <param name="Train">Share of the train split; default 0.8.</param>
/// <param name="Dev">Share of the dev split; default 0.1.</param>
/// <param name="Test">Share of the test split; default 0.1.</param>
/// <exception cref="ArgumentException">A share is negative or not a number, or the shares do not sum to 1.</exception>
public sealed record SplitRatios(double Train = 0.8, double Dev = 0.1, double Test = 0.1)
{
    private const double Tolerance = 1e-9;

    /// <summary>Share of the train split.</summary>
    public double Train { get; } = Train;

    /// <summary>Share of the dev split.</summary>
    public double Dev { get; } = Dev;

    /// <summary>Share of the test split.</summary>
    public double Test { get; } = Validated(Train, Dev, Test);

    /// <summary>Checks all three shares; returns <paramref name="test"/>.</summary>
    private static double Validated(double train, double dev, double test)
    {
        var values = string.Create(CultureInfo.InvariantCulture, $"train={train}, dev={dev}, test={test}");
        if (!(train >= 0) || !(dev >= 0) || !(test >= 0))
        {
            throw new ArgumentException($"split ratios must be non-negative numbers, got {values}");
        }

        var sum = train + dev + test;
        if (!(Math.Abs(sum - 1.0) <= Tolerance))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"split ratios must sum to 1, got {values} (sum {sum})"));
        }

        return test;
    }
}
