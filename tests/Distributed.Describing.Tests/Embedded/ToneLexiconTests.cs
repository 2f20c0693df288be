using Distributed.Describing.Embedded;

namespace Distributed.Describing.Tests.Embedded;

public sealed class ToneLexiconTests
{
    [Theory]
    [InlineData("SO HAPPY", 1)]
    [InlineData("best day ever, love it", 2)]
    [InlineData("WORST DAY", -1)]
    [InlineData("NOT AGAIN", -1)]
    [InlineData("not happy", -1)]
    [InlineData("could not be happier", 1)]
    [InlineData("never been happier", 1)]
    [InlineData("could not be more annoyed", -1)]
    [InlineData("ROOM 204", 0)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Score_Text_SignedCount(string? text, int score) => Assert.Equal(score, ToneLexicon.Score(text));

    [Theory]
    [InlineData(2, "positive")]
    [InlineData(-1, "negative")]
    [InlineData(0, "neutral")]
    public void Polarity_Score_Word(int score, string word) => Assert.Equal(word, ToneLexicon.Polarity(score));
}
