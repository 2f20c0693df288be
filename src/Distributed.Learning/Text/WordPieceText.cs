using Microsoft.ML.Tokenizers;

namespace Distributed.Learning.Text;

/// <summary>
/// HF-compatible BERT tokenization: <see cref="BertBasicTokenizer"/> words, then Microsoft.ML.Tokenizers'
/// <see cref="WordPieceTokenizer"/> (greedy longest match, "##" continuations, whole-word [UNK], 100-char words).
/// </summary>
internal sealed class WordPieceText
{
    private static readonly string[] SpecialNames = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    private readonly BertBasicTokenizer _basic;
    private readonly WordPieceTokenizer _wordPiece;

    private WordPieceText(BertBasicTokenizer basic, WordPieceTokenizer wordPiece, int cls, int sep, int pad, int size)
    {
        _basic = basic;
        _wordPiece = wordPiece;
        ClsId = cls;
        SepId = sep;
        PadId = pad;
        VocabularySize = size;
    }

    public int ClsId { get; }

    public int SepId { get; }

    public int PadId { get; }

    public int VocabularySize { get; }

    /// <summary>Reads a vocab.txt (one token per line, id = line index) from <paramref name="vocab"/>.</summary>
    public static WordPieceText Load(Stream vocab, bool lowerCase)
    {
        var lines = new List<string>();
        using (var reader = new StreamReader(vocab, leaveOpen: true))
        {
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        var ids = new Dictionary<string, int>(lines.Count, StringComparer.Ordinal);
        for (var id = 0; id < lines.Count; id++)
        {
            ids[lines[id]] = id;
        }

        int Required(string token) => ids.TryGetValue(token, out var id)
            ? id
            : throw new InvalidDataException($"The vocabulary has no '{token}' token.");

        var specials = SpecialNames.Where(ids.ContainsKey).ToDictionary(name => name, name => ids[name]);
        using var text = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var wordPiece = WordPieceTokenizer.Create(text, new WordPieceOptions
        {
            PreTokenizer = PreTokenizer.CreateWhiteSpace(specials),
            Normalizer = null,
            SpecialTokens = specials,
        });
        return new WordPieceText(new BertBasicTokenizer(lowerCase, [.. specials.Keys]), wordPiece,
            Required("[CLS]"), Required("[SEP]"), Required("[PAD]"), lines.Count);
    }

    /// <summary>Content ids of <paramref name="text"/>.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        var words = _basic.Split(text);
        return words.Count == 0 ? [] : _wordPiece.EncodeToIds(string.Join(' ', words));
    }
}
