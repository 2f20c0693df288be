namespace Distributed.Data.Samples;

/// <summary>Caption pools drawn on images. Each caption belongs to exactly one label and states it.</summary>
internal static class SampleCaptions
{
    private static readonly string[] Positive =
    [
        "BEST DAY EVER", "SO HAPPY", "LOVE THIS", "GREAT NEWS", "WE WON", "PURE JOY", "FEELING GREAT", "SO PROUD",
    ];

    private static readonly string[] Neutral =
    [
        "MEETING AT 3PM", "ROOM 204", "OPEN 9-5", "BUS 42", "NOTICE", "FLOOR 3", "MONDAY", "PLATFORM 7",
    ];

    private static readonly string[] Negative =
    [
        "WORST DAY", "SO SAD", "CANCELLED AGAIN", "TOTAL DISASTER", "NOT AGAIN", "BROKEN AGAIN", "SO ANGRY",
        "FEELING AWFUL",
    ];

    /// <summary>Draws a caption stating <paramref name="label"/>.</summary>
    public static string For(SampleLabel label, Random rng)
    {
        var pool = label switch
        {
            SampleLabel.Positive => Positive,
            SampleLabel.Negative => Negative,
            _ => Neutral,
        };
        return pool[rng.Next(pool.Length)];
    }
}
