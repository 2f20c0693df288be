namespace Distributed.Data.Samples;

/// <summary>
/// Decides every item from one seeded <see cref="Random"/>, in index order (never time, hashes or dictionary order).
/// </summary>
/// <remarks>
/// Rule that fixes the label: a caption, when present, states the label; without a caption the scene class equals
/// the label. Captioned images get a decoy scene of another class a quarter of the time, so the caption must be read.
/// Post texts: 50% sentiment-free (same pool for every label), 40% agreeing, 10% misleading or ambiguous.
/// </remarks>
internal static class SamplePlanner
{
    private const int CaptionPercent = 60;
    private const int DecoyScenePercent = 25;
    private const int UninformativeTextPercent = 50;
    private const int AgreeingTextPercent = 40;

    /// <summary>Plans <see cref="SampleDatasetOptions.Count"/> items.</summary>
    public static IReadOnlyList<SampleItemPlan> Plan(SampleDatasetOptions options)
    {
        var rng = new Random(options.Seed);
        var items = new List<SampleItemPlan>(options.Count);
        for (var i = 0; i < options.Count; i++)
        {
            items.Add(PlanOne(i, rng));
        }

        return items;
    }

    private static SampleItemPlan PlanOne(int index, Random rng)
    {
        var label = DrawLabel(rng.Next(100));
        var caption = rng.Next(100) < CaptionPercent ? SampleCaptions.For(label, rng) : "";
        var scene = label;
        if (caption.Length > 0 && rng.Next(100) < DecoyScenePercent)
        {
            scene = (SampleLabel)(((int)label + 1 + rng.Next(2)) % 3);
        }

        var textRoll = rng.Next(100);
        var text = textRoll < UninformativeTextPercent
            ? SampleTexts.Pick(SampleTexts.Uninformative, rng)
            : textRoll < UninformativeTextPercent + AgreeingTextPercent
                ? SampleTexts.Agreeing(label, rng)
                : SampleTexts.Misleading(label, rng);
        var split = DrawSplit(rng.Next(100));
        var renderSeed = rng.Next();
        return new SampleItemPlan($"s{index + 1:D5}", text, label, scene, split, caption, renderSeed);
    }

    private static SampleLabel DrawLabel(int roll) => roll switch
    {
        < 40 => SampleLabel.Positive,
        < 65 => SampleLabel.Neutral,
        _ => SampleLabel.Negative,
    };

    private static string DrawSplit(int roll) => roll switch
    {
        < 80 => "train",
        < 90 => "dev",
        _ => "test",
    };
}
