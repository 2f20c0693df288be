using System.Globalization;
using System.Text;

namespace Distributed.Learning.Text;

/// <summary>Character classes of Hugging Face's BERT tokenizer.</summary>
internal static class BertCharacters
{
    /// <summary>The CJK ideograph blocks BERT isolates (<c>_is_chinese_char</c>).</summary>
    public static bool IsCjk(int code) =>
        code is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    /// <summary>Characters <c>_clean_text</c> drops: NUL, U+FFFD and every C* category except tab, LF and CR.</summary>
    public static bool IsRemoved(Rune rune) =>
        rune.Value is 0 or 0xFFFD
        || (rune.Value is not ('\t' or '\n' or '\r')
            && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);

    /// <summary>ASCII non-alphanumerics (33–47, 58–64, 91–96, 123–126) and Unicode punctuation (P*).</summary>
    public static bool IsPunctuation(Rune rune) =>
        rune.Value is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;

    /// <summary>True when a cased letter precedes <paramref name="index"/>, skipping case-ignorable characters.</summary>
    public static bool HasCasedBefore(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!IsCaseIgnorable(text[i]))
            {
                return IsCased(text[i]);
            }
        }

        return false;
    }

    /// <summary>True when a cased letter follows <paramref name="index"/>, skipping case-ignorable characters.</summary>
    public static bool HasCasedAfter(string text, int index)
    {
        for (var i = index + 1; i < text.Length; i++)
        {
            if (!IsCaseIgnorable(text[i]))
            {
                return IsCased(text[i]);
            }
        }

        return false;
    }

    private static bool IsCased(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '\u00B7' or '\u2019'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
}
