namespace Distributed.Data.Samples;

/// <summary>Post-text pools. Small on purpose, so texts repeat and a text-only model can be measured honestly.</summary>
internal static class SampleTexts
{
    /// <summary>Sentiment-free texts, used alike for all three labels: only the image tells the label.</summary>
    public static readonly string[] Uninformative =
    [
        "look at this", "just saw this", "thoughts?", "today.", "no words", "well then",
        "so this happened", "ok.", "here it is", "caught this earlier",
    ];

    /// <summary>Texts that could go either way; used only as misleading texts for positive and negative items.</summary>
    public static readonly string[] Ambiguous =
    [
        "can't believe this", "what a day", "unreal", "of course", "here we go again", "i can't even",
    ];

    private static readonly string[] PositivePhrases =
    [
        "what a great day", "love this so much", "this made me smile", "so happy right now",
        "best news all week", "feeling amazing", "this is wonderful", "could not be happier",
    ];

    private static readonly string[] NeutralPhrases =
    [
        "meeting moved to 3pm", "the new schedule is up", "the bus came on time", "posting this for the record",
        "room change for tomorrow", "store hours were updated", "there is a notice on the door", "office closes at 5",
    ];

    private static readonly string[] NegativePhrases =
    [
        "worst day in a while", "hate this so much", "this ruined my week", "so upset right now",
        "terrible news again", "feeling awful", "this is a disaster", "could not be more annoyed",
    ];

    private static readonly string[] Openers = ["", "honestly, "];

    /// <summary>Draws a text whose wording agrees with <paramref name="label"/>.</summary>
    public static string Agreeing(SampleLabel label, Random rng)
    {
        var phrases = label switch
        {
            SampleLabel.Positive => PositivePhrases,
            SampleLabel.Negative => NegativePhrases,
            _ => NeutralPhrases,
        };
        var opener = Openers[rng.Next(Openers.Length)];
        var phrase = phrases[rng.Next(phrases.Length)];
        var ending = label switch
        {
            SampleLabel.Positive => rng.Next(2) == 0 ? "" : "!",
            SampleLabel.Negative => rng.Next(2) == 0 ? "" : "...",
            _ => rng.Next(2) == 0 ? "" : ".",
        };
        return opener + phrase + ending;
    }

    /// <summary>Draws a mildly misleading or ambiguous text for <paramref name="label"/>; the image decides.</summary>
    public static string Misleading(SampleLabel label, Random rng)
    {
        var roll = rng.Next(2);
        return label switch
        {
            SampleLabel.Positive => roll == 0 ? Pick(Ambiguous, rng) : Agreeing(SampleLabel.Negative, rng),
            SampleLabel.Negative => roll == 0 ? Pick(Ambiguous, rng) : Agreeing(SampleLabel.Positive, rng),
            _ => Agreeing(roll == 0 ? SampleLabel.Positive : SampleLabel.Negative, rng),
        };
    }

    /// <summary>Uniform pick from a pool.</summary>
    public static string Pick(string[] pool, Random rng) => pool[rng.Next(pool.Length)];
}
