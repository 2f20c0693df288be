using System.Text.RegularExpressions;

namespace Distributed.Describing.Embedded;

/// <summary>
/// A small English affect lexicon for short texts: +1 per positive word, -1 per negative word, a negator
/// (<c>not</c>, <c>no</c>, <c>never</c>, <c>can't</c>, ...) directly before a word flips its sign (so "could not be
/// happier" stays positive), and <c>not again</c> counts as negative. Case-insensitive; no stemming beyond the listed
/// forms.
/// </summary>
public static partial class ToneLexicon
{
    private static readonly HashSet<string> Positive = new(StringComparer.OrdinalIgnoreCase)
    {
        "amazing", "awesome", "beautiful", "best", "celebrate", "congrats", "congratulations", "delighted", "enjoy",
        "excellent", "excited", "fantastic", "fun", "glad", "good", "great", "happier", "happy", "joy", "laugh",
        "love", "loved", "lovely", "nice", "perfect", "proud", "smile", "success", "thanks", "win", "winning", "won",
        "wonderful", "yay",
    };

    private static readonly HashSet<string> Negative = new(StringComparer.OrdinalIgnoreCase)
    {
        "angry", "annoyed", "annoying", "awful", "bad", "broken", "cancelled", "canceled", "cry", "crying",
        "disaster", "disappointed", "fail", "failed", "hate", "horrible", "hurt", "lost", "miserable", "ruined",
        "sad", "sick", "terrible", "tired", "ugly", "upset", "worse", "worst", "wrong",
    };

    private static readonly HashSet<string> Negators = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "can't", "cannot", "don't", "doesn't", "didn't", "isn't", "wasn't", "won't",
    };

    /// <summary>The signed score of <paramref name="text"/>: above 0 positive, below 0 negative, 0 neutral or unknown.</summary>
    public static int Score(string? text)
    {
        var words = Words().Matches(text ?? "").Select(m => m.Value.Replace('’', '\'')).ToArray();
        var score = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var sign = Positive.Contains(words[i]) ? 1 : Negative.Contains(words[i]) ? -1 : 0;
            if (sign == 0)
            {
                if (words[i].Equals("again", StringComparison.OrdinalIgnoreCase) && i > 0
                    && words[i - 1].Equals("not", StringComparison.OrdinalIgnoreCase))
                {
                    score--;
                }

                continue;
            }

            score += i > 0 && Negators.Contains(words[i - 1]) ? -sign : sign;
        }

        return score;
    }

    /// <summary>positive, negative or neutral, from <see cref="Score"/>.</summary>
    public static string Polarity(int score) => score > 0 ? "positive" : score < 0 ? "negative" : "neutral";

    [GeneratedRegex(@"[\p{L}][\p{L}'’]*", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
