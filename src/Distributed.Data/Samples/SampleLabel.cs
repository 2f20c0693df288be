namespace Distributed.Data.Samples;

/// <summary>Sentiment label; also names the visual scene class (scenes use the same three classes).</summary>
internal enum SampleLabel
{
    Positive,
    Neutral,
    Negative,
}

/// <summary>Wire names of <see cref="SampleLabel"/> as written to the manifest.</summary>
internal static class SampleLabelNames
{
    public static string ToWire(this SampleLabel label) => label switch
    {
        SampleLabel.Positive => "positive",
        SampleLabel.Neutral => "neutral",
        SampleLabel.Negative => "negative",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Unknown label."),
    };
}
