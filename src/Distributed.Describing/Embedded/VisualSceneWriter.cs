using System.Globalization;

namespace Distributed.Describing.Embedded;

/// <summary>
/// Writes <see cref="VisualCues"/> as the embedded describer's fixed-format <c>visual_scene</c> sentence, e.g.
/// <c>bright (luma 0.81), high contrast (std 0.30), saturated (0.72), quite colourful (M 64), warm (warmth +0.45);
/// dominant colours: yellow 46%, orange 21%; low clutter (edges 3%)</c>.
/// </summary>
public static class VisualSceneWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The sentence for <paramref name="cues"/>.</summary>
    public static string Describe(VisualCues cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var colours = string.Join(", ", cues.DominantColours.Select(c => $"{c.Name} {Percent(c.Share)}"));
        return string.Create(
            Invariant,
            $"{BrightnessWord(cues)} (luma {cues.Brightness:0.00}), {ContrastWord(cues)} (std {cues.Contrast:0.00}), " +
            $"{SaturationWord(cues)} ({cues.Saturation:0.00}), {ColourfulnessWord(cues)} (M {cues.Colourfulness:0}), " +
            $"{TemperatureWord(cues)} (warmth {cues.Warmth:+0.00;-0.00;0.00}); dominant colours: {colours}; " +
            $"{ClutterWord(cues)} (edges {Percent(cues.EdgeDensity)})");
    }

    /// <summary>dark (&lt; 0.3), dim (&lt; 0.5), moderately bright (&lt; 0.7) or bright.</summary>
    public static string BrightnessWord(VisualCues cues) => cues.Brightness switch
    {
        < 0.3 => "dark",
        < 0.5 => "dim",
        < 0.7 => "moderately bright",
        _ => "bright",
    };

    /// <summary>low (&lt; 0.08), moderate (&lt; 0.2) or high contrast.</summary>
    public static string ContrastWord(VisualCues cues) => cues.Contrast switch
    {
        < 0.08 => "low contrast",
        < 0.2 => "moderate contrast",
        _ => "high contrast",
    };

    /// <summary>desaturated (&lt; 0.15), moderately saturated (&lt; 0.4) or saturated.</summary>
    public static string SaturationWord(VisualCues cues) => cues.Saturation switch
    {
        < 0.15 => "desaturated",
        < 0.4 => "moderately saturated",
        _ => "saturated",
    };

    /// <summary>Hasler–Süsstrunk's scale: not (&lt; 15), slightly, moderately (33), averagely (45), quite (59), highly (82), extremely (109) colourful.</summary>
    public static string ColourfulnessWord(VisualCues cues) => cues.Colourfulness switch
    {
        < 15 => "not colourful",
        < 33 => "slightly colourful",
        < 45 => "moderately colourful",
        < 59 => "averagely colourful",
        < 82 => "quite colourful",
        < 109 => "highly colourful",
        _ => "extremely colourful",
    };

    /// <summary>warm (&gt; 0.15), cool (&lt; -0.15) or neutral temperature.</summary>
    public static string TemperatureWord(VisualCues cues) => cues.Warmth switch
    {
        > 0.15 => "warm",
        < -0.15 => "cool",
        _ => "neutral temperature",
    };

    /// <summary>low (&lt; 5% edge pixels), moderate (&lt; 15%) or high clutter.</summary>
    public static string ClutterWord(VisualCues cues) => cues.EdgeDensity switch
    {
        < 0.05 => "low clutter",
        < 0.15 => "moderate clutter",
        _ => "high clutter",
    };

    private static string Percent(double share) =>
        Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", Invariant) + "%";
}
