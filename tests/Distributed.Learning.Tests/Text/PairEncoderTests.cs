using Distributed.Learning.Text;

namespace Distributed.Learning.Tests.Text;

public sealed class PairEncoderTests
{
    private const int Hello = 7592;
    private const int World = 2088;
    private const int Cls = 101;
    private const int Sep = 102;

    private static readonly string LongPost = string.Join(' ', Enumerable.Repeat("hello", 40));
    private static readonly string LongDescription = string.Join(' ', Enumerable.Repeat("world", 40));

    [Fact]
    public void Encode_ShortPair_LaysOutSegmentsAndPads()
    {
        var pair = new PairEncoder(TextTokenizer.MiniLM(), maxLength: 8).Encode("Hello", "world");

        Assert.Equal([Cls, Hello, Sep, World, Sep, 0, 0, 0], pair.InputIds);
        Assert.Equal([1, 1, 1, 1, 1, 0, 0, 0], pair.AttentionMask);
        Assert.Equal([0, 0, 0, 1, 1, 0, 0, 0], pair.TokenTypeIds);
        Assert.Equal((5, 1, 1, false), (pair.Length, pair.PostTokens, pair.DescriptionTokens, pair.Truncated));
    }

    [Theory]
    [InlineData(0.5, 14, 15)]
    [InlineData(0.75, 21, 8)]
    public void Encode_BothSidesLong_KeepsEachSidesShare(double share, int postKept, int descriptionKept)
    {
        var pair = new PairEncoder(TextTokenizer.MiniLM(), maxLength: 32, share).Encode(LongPost, LongDescription);

        int[] expected = [Cls, .. Enumerable.Repeat(Hello, postKept), Sep, .. Enumerable.Repeat(World, descriptionKept), Sep];
        Assert.Equal(expected, pair.InputIds);
        Assert.All(pair.AttentionMask, m => Assert.Equal(1, m));
        Assert.Equal([.. Enumerable.Repeat(0, postKept + 2), .. Enumerable.Repeat(1, descriptionKept + 1)], pair.TokenTypeIds);
        Assert.True(pair.PostTruncated && pair.DescriptionTruncated);
    }

    [Fact]
    public void Encode_ShortPost_GivesUnusedBudgetToDescription()
    {
        var pair = new PairEncoder(TextTokenizer.MiniLM(), maxLength: 32).Encode("hello hello", LongDescription);

        Assert.Equal((2, 27, 32), (pair.PostTokens, pair.DescriptionTokens, pair.Length));
        Assert.False(pair.PostTruncated);
        Assert.True(pair.DescriptionTruncated);
        Assert.Equal(Sep, pair.InputIds[3]);
        Assert.Equal(Sep, pair.InputIds[31]);
    }

    [Fact]
    public void Encode_NoDescription_UsesSingleSegmentAndWholeBudget()
    {
        var pair = new PairEncoder(TextTokenizer.MiniLM(), maxLength: 32).Encode(LongPost, "  ");

        Assert.Equal([Cls, .. Enumerable.Repeat(Hello, 30), Sep], pair.InputIds);
        Assert.All(pair.TokenTypeIds, t => Assert.Equal(0, t));
        Assert.Equal((30, 0), (pair.PostTokens, pair.DescriptionTokens));
    }

    [Fact]
    public void Encode_EmptyPost_GivesDescriptionWholeBudget()
    {
        var pair = new PairEncoder(TextTokenizer.MiniLM(), maxLength: 32).Encode("", LongDescription);

        Assert.Equal([Cls, Sep, .. Enumerable.Repeat(World, 29), Sep], pair.InputIds);
        Assert.Equal([0, 0, .. Enumerable.Repeat(1, 30)], pair.TokenTypeIds);
    }

    [Fact]
    public void Encode_Roberta_UsesDoubleSeparatorAndZeroSegments()
    {
        using var dir = new TempVocabDirectory();
        var pair = new PairEncoder(dir.TinyRoberta(), maxLength: 10).Encode("hello", "hello world");

        Assert.Equal([0, 15, 2, 2, 15, 20, 2, 1, 1, 1], pair.InputIds);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 0, 0, 0], pair.AttentionMask);
        Assert.All(pair.TokenTypeIds, t => Assert.Equal(0, t));
    }

    [Fact]
    public void EncodeBatch_Rows_FlattensRowMajorWithTruncationCount()
    {
        var batch = new PairEncoder(TextTokenizer.MiniLM(), maxLength: 8).EncodeBatch([("hello", "world"), (LongPost, null)]);

        Assert.Equal((2, 8, 1), (batch.BatchSize, batch.SequenceLength, batch.TruncatedRows));
        Assert.Equal([Cls, Hello, Sep, World, Sep, 0, 0, 0, Cls, Hello, Hello, Hello, Hello, Hello, Hello, Sep],
            batch.InputIds);
        Assert.Equal([0L, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], batch.TokenTypeIds);
        Assert.Equal(13, batch.AttentionMask.Sum());
    }

    [Theory]
    [InlineData(3, 0.5)]
    [InlineData(16, 1.1)]
    public void Constructor_InvalidLengthOrShare_Throws(int maxLength, double share) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairEncoder(TextTokenizer.MiniLM(), maxLength, share));
}
