namespace Distributed.Learning.Text;

/// <summary>
/// Python's <c>str.lower()</c> (as used by HF's BERT tokenizer) on top of .NET's invariant simple case mapping: adds
/// the Final_Sigma rule (Σ → ς at the end of a word) and İ → "i̇", which the simple mapping leaves upper-case.
/// </summary>
internal static class PythonLowerCase
{
    private const char CapitalSigma = '\u03A3';
    private const char FinalSigma = '\u03C2';
    private const string CapitalDottedI = "\u0130";
    private const string DottedILower = "i\u0307";

    /// <summary>The lower-cased word.</summary>
    public static string Lower(string word)
    {
        var lowered = word.ToLowerInvariant();
        if (word.Contains(CapitalSigma, StringComparison.Ordinal) && lowered.Length == word.Length)
        {
            var chars = lowered.ToCharArray();
            for (var i = word.IndexOf(CapitalSigma, StringComparison.Ordinal); i >= 0;
                 i = word.IndexOf(CapitalSigma, i + 1))
            {
                if (BertCharacters.HasCasedBefore(word, i) && !BertCharacters.HasCasedAfter(word, i))
                {
                    chars[i] = FinalSigma;
                }
            }

            lowered = new string(chars);
        }

        return lowered.Replace(CapitalDottedI, DottedILower, StringComparison.Ordinal);
    }
}
