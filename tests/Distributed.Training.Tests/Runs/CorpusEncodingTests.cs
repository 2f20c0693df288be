using Distributed.Learning.Text;
using Distributed.Training.Corpus;
using Distributed.Training.Runs;

namespace Distributed.Training.Tests.Runs;

public sealed class CorpusEncodingTests
{
    [Fact]
    public void Truncation_DescriptionLongerThanTheBudget_IsCutToItsShareAndCounted()
    {
        var encoder = new PairEncoder(TextTokenizer.MiniLM(), maxLength: 32);
        var longDescription = "reasoning: " + string.Join(' ', Enumerable.Repeat("a bright warm happy scene", 40));
        CorpusRow[] rows =
        [
            new("long", "what a day", "positive", "train", null, null, longDescription, DescriptionStatus.Found),
            new("short", "what a day", "positive", "train", null, null, "reasoning: upbeat", DescriptionStatus.Found),
        ];

        var counts = CorpusEncoding.Truncation(rows, encoder);
        var encoded = CorpusEncoding.Encode(rows, encoder, ["negative", "positive"])!;

        Assert.Equal(new TruncationCounts(Posts: 0, Descriptions: 1, MaxLength: 32), counts);
        Assert.Equal(32, encoded.Rows[0].AttentionMask.Sum());
        Assert.True(encoded.Rows[1].AttentionMask.Sum() < 32);
        Assert.Equal(1, encoded.Rows[0].Label);
    }
}
