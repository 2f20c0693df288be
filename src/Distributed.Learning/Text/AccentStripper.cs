using System.Globalization;
using System.Text;

namespace Distributed.Learning.Text;

/// <summary>
/// Strips accents the way Hugging Face's <c>BasicTokenizer</c> does (NFD, then drop non-spacing marks), without
/// ICU: the project runs in globalization-invariant mode, where <see cref="string.Normalize()"/> decomposes nothing.
/// BMP characters fold through <see cref="AccentFoldingTable"/>; Hangul syllables decompose into jamo.
/// </summary>
internal static class AccentStripper
{
    private const char RunEnd = '\uFFFF';
    private const int HangulBase = 0xAC00;
    private const int HangulCount = 11172;
    private const int JamoLeadBase = 0x1100;
    private const int JamoVowelBase = 0x1161;
    private const int JamoTailBase = 0x11A7;
    private const int JamoVowelCount = 21;
    private const int JamoTailCount = 28;

    private static readonly Dictionary<char, string> Foldings = BuildFoldings();

    /// <summary>The text with accents removed; the same instance when it is pure ASCII.</summary>
    public static string Strip(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value - HangulBase is >= 0 and < HangulCount)
            {
                AppendHangul(builder, value - HangulBase);
            }
            else if (rune.IsBmp && Foldings.TryGetValue((char)value, out var folded))
            {
                builder.Append(folded);
            }
            else if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    private static void AppendHangul(StringBuilder builder, int index)
    {
        builder.Append((char)(JamoLeadBase + (index / (JamoVowelCount * JamoTailCount))));
        builder.Append((char)(JamoVowelBase + (index % (JamoVowelCount * JamoTailCount) / JamoTailCount)));
        var tail = index % JamoTailCount;
        if (tail != 0)
        {
            builder.Append((char)(JamoTailBase + tail));
        }
    }

    private static Dictionary<char, string> BuildFoldings()
    {
        var foldings = new Dictionary<char, string>();
        var runs = AccentFoldingTable.SingleRuns;
        for (var i = 0; i < runs.Length; i++)
        {
            var code = runs[i];
            for (i++; runs[i] != RunEnd; i++, code++)
            {
                foldings[code] = runs[i].ToString();
            }
        }

        var multiple = AccentFoldingTable.Multiple;
        for (var i = 0; i < multiple.Length;)
        {
            var end = multiple.IndexOf(RunEnd, i);
            foldings[multiple[i]] = multiple[(i + 1)..end];
            i = end + 1;
        }

        return foldings;
    }
}
