using System.Text;

namespace Distributed.Learning.Text;

/// <summary>
/// Hugging Face's BERT <c>BasicTokenizer</c>: keeps special tokens whole, drops control and unassigned characters, maps
/// whitespace to spaces, isolates CJK ideographs, splits on whitespace, lower-cases and strips accents (when uncased),
/// and splits punctuation (Unicode P* and every ASCII symbol) into one-character words. Microsoft.ML.Tokenizers' own
/// basic tokenization drops symbols and emoji and glues words across tabs and newlines, so it is not used. Not done:
/// the NFC pass HF applies first (no normalization data in invariant mode); it only matters for cased vocabularies.
/// </summary>
internal sealed class BertBasicTokenizer(bool lowerCase, IReadOnlyList<string> specialTokens)
{
    /// <summary>The words of <paramref name="text"/>; special tokens come out whole.</summary>
    public List<string> Split(string text)
    {
        var words = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var (at, special) = NextSpecial(text, start);
            SplitPlain(text.AsSpan(start, at - start), words);
            if (special is not null)
            {
                words.Add(special);
            }

            start = at + (special?.Length ?? 0);
        }

        return words;
    }

    private (int At, string? Token) NextSpecial(string text, int start)
    {
        var best = (At: text.Length, Token: (string?)null);
        foreach (var token in specialTokens)
        {
            var at = text.IndexOf(token, start, StringComparison.Ordinal);
            if (at >= 0 && (at < best.At || (at == best.At && token.Length > best.Token!.Length)))
            {
                best = (at, token);
            }
        }

        return best;
    }

    private void SplitPlain(ReadOnlySpan<char> text, List<string> words)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (BertCharacters.IsRemoved(rune))
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                AddWord(word, words);
            }
            else if (BertCharacters.IsCjk(rune.Value))
            {
                AddWord(word, words);
                AddWord(Append(word, rune), words);
            }
            else
            {
                Append(word, rune);
            }
        }

        AddWord(word, words);
    }

    private void AddWord(StringBuilder word, List<string> words)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = lowerCase ? AccentStripper.Strip(PythonLowerCase.Lower(word.ToString())) : word.ToString();
        word.Clear();
        var piece = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (BertCharacters.IsPunctuation(rune))
            {
                AddPiece(piece, words);
                words.Add(rune.ToString());
            }
            else
            {
                Append(piece, rune);
            }
        }

        AddPiece(piece, words);
    }

    private static void AddPiece(StringBuilder piece, List<string> words)
    {
        if (piece.Length > 0)
        {
            words.Add(piece.ToString());
            piece.Clear();
        }
    }

    private static StringBuilder Append(StringBuilder builder, Rune rune) =>
        rune.IsBmp ? builder.Append((char)rune.Value) : builder.Append(rune.ToString());
}
