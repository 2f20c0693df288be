using System.Text.RegularExpressions;

namespace Distributed.Describing.Tests.Embedded;

/// <summary>Levenshtein distance and the CER normalisation (uppercase, whitespace collapsed, trimmed).</summary>
internal static partial class TextDistance
{
    public static string NormalizeForCer(string text) => Whitespace().Replace(text.ToUpperInvariant(), " ").Trim();

    public static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
