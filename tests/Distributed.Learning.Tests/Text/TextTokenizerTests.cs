using Distributed.Learning.Text;

namespace Distributed.Learning.Tests.Text;

public sealed class TextTokenizerTests
{
    private static readonly TextTokenizer MiniLM = TextTokenizer.MiniLM();

    [Fact]
    public void MiniLM_SpecialTokensAndSize_MatchBertBaseUncased()
    {
        Assert.Equal(101, MiniLM.ClsId);
        Assert.Equal(102, MiniLM.SepId);
        Assert.Equal(0, MiniLM.PadId);
        Assert.Equal(30522, MiniLM.VocabularySize);
        Assert.Equal(TokenizerFamily.WordPiece, MiniLM.Family);
        Assert.Equal("[CLS]", MiniLMVocab.Tokens[101]);
        Assert.Equal("[SEP]", MiniLMVocab.Tokens[102]);
        Assert.Equal("[PAD]", MiniLMVocab.Tokens[0]);
    }

    [Fact]
    public void Encode_HelloWorld_GivesHuggingFaceIds() =>
        Assert.Equal([7592, 2088], MiniLM.Encode("hello world"));

    [Theory]
    [InlineData("Héllo WÖRLD")]
    [InlineData("HELLO   World")]
    [InlineData("he\u0301llo wo\u0308rld")]
    public void Encode_UppercaseAndAccents_LowerCasedAndStripped(string text) =>
        Assert.Equal([7592, 2088], MiniLM.Encode(text));

    [Theory]
    [InlineData("café naïve crème brûlée", "cafe naive creme brulee")]
    [InlineData("Ångström ÇÀ Ŝŷ", "angstrom ca sy")]
    [InlineData("Ελληνικά ΆΈΉ", "ελληνικα αεη")]
    public void Encode_AccentedWords_EqualTheirFoldedForms(string accented, string folded)
    {
        var ids = MiniLM.Encode(accented);
        Assert.Equal(MiniLM.Encode(folded), ids);
        Assert.DoesNotContain(100, ids);
    }

    [Fact]
    public void Encode_HangulSyllable_DecomposesIntoJamoPieces()
    {
        var tokens = MiniLMVocab.ToTokens(MiniLM.Encode("한"));
        Assert.Equal("\u1112\u1161\u11AB", string.Concat(tokens.Select(t => t.Replace("##", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void Encode_RareLongWord_SplitsIntoContinuationPiecesFromTheVocab()
    {
        var ids = MiniLM.Encode("unaffable");
        var tokens = MiniLMVocab.ToTokens(ids);

        Assert.True(tokens.Length > 1);
        Assert.DoesNotContain(100, ids);
        Assert.False(tokens[0].StartsWith("##", StringComparison.Ordinal));
        Assert.All(tokens.Skip(1), t => Assert.StartsWith("##", t, StringComparison.Ordinal));
        Assert.Equal("unaffable", string.Concat(tokens.Select(t => t.TrimStart('#'))));
    }

    [Fact]
    public void Encode_PunctuationAndCjk_SplitLikeBasicTokenizer()
    {
        var tokens = MiniLMVocab.ToTokens(MiniLM.Encode("don't stop!! 日本"));
        Assert.Equal(["don", "'", "t", "stop", "!", "!", "日", "本"], tokens);
    }

    [Theory]
    [InlineData("tabs\tand\nnew\r\nlines", "tabs and new lines")]
    [InlineData("zero\u200bwidth ctrl\u0001\u0085chars", "zerowidth ctrlchars")]
    [InlineData("ΟΔΟΣ ΣΟΦΟΣ.", "οδος σοφος.")]
    [InlineData("İstanbul", "istanbul")]
    [InlineData("\uF9F4", "林")]
    public void Encode_HuggingFaceNormalisation_MatchesCleanForm(string raw, string clean) =>
        Assert.Equal(MiniLM.Encode(clean), MiniLM.Encode(raw));

    [Fact]
    public void Encode_SymbolsAndEmoji_KeptAsPunctuationOrUnknown() =>
        Assert.Equal(["$", "100", "=", "[UNK]", "^", "_", "^"], MiniLMVocab.ToTokens(MiniLM.Encode("$100 = 😀 ^_^")));

    [Fact]
    public void Encode_SpecialTokenText_MapsToSpecialIds() =>
        Assert.Equal(["[CLS]", "hi", "[SEP]", "[", "sep", "]"], MiniLMVocab.ToTokens(MiniLM.Encode("[CLS] Hi[SEP] [sep]")));

    [Theory]
    [MemberData(nameof(HuggingFaceBertGolden.Rows), MemberType = typeof(HuggingFaceBertGolden))]
    public void Encode_SocialAndMultilingualText_MatchesHuggingFaceReference(string text, int[] expected) =>
        Assert.Equal(expected, MiniLM.Encode(text));

    [Fact]
    public void Encode_Empty_ReturnsNoIds() => Assert.Empty(MiniLM.Encode(""));

    [Fact]
    public void FromVocabFile_CasedVocab_KeepsCaseAndAccents()
    {
        using var dir = new TempVocabDirectory();
        var path = dir.Write("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nHello\nhello\ncafé\ncafe\n##s\n");

        var cased = TextTokenizer.FromVocabFile(path, lowerCase: false);
        var uncased = TextTokenizer.FromVocabFile(path, lowerCase: true);

        Assert.Equal((2, 3, 0, 10), (cased.ClsId, cased.SepId, cased.PadId, cased.VocabularySize));
        Assert.Equal([5, 7, 9], cased.Encode("Hello cafés"));
        Assert.Equal([6, 8, 9], uncased.Encode("Hello cafés"));
    }

    [Fact]
    public void FromRobertaFiles_TinyVocab_ResolvesSpecialsAndByteLevelPieces()
    {
        using var dir = new TempVocabDirectory();
        var tokenizer = dir.TinyRoberta();

        Assert.Equal(TokenizerFamily.ByteLevelBpe, tokenizer.Family);
        Assert.Equal((0, 2, 1), (tokenizer.ClsId, tokenizer.SepId, tokenizer.PadId));
        Assert.Equal(TempVocabDirectory.TinyRobertaSize, tokenizer.VocabularySize);
        Assert.False(tokenizer.UsesSegmentIds);
        Assert.Equal([15, 20, 21], tokenizer.Encode("hello world!"));
        Assert.Equal([15, 11, 20], tokenizer.Encode("hello  world"));
        Assert.Equal([23, 24], tokenizer.Encode("é"));
        Assert.Equal([15, 2], tokenizer.Encode("hello</s>"));
    }
}
