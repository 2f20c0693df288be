namespace Distributed.Describing.Embedded;

/// <summary>
/// A fixed palette of twelve colour names, assigned per pixel from HSV: value &lt; 0.18 is black; saturation &lt; 0.18 is
/// white (value ≥ 0.85) or grey; otherwise the hue decides (red &lt; 15° or ≥ 340°, orange &lt; 45°, yellow &lt; 70°,
/// green &lt; 165°, cyan &lt; 195°, blue &lt; 260°, purple &lt; 315°, pink &lt; 340°), with dark orange (value &lt; 0.6) named
/// brown and pale bright red (saturation &lt; 0.5, value &gt; 0.75) named pink. Warm hues: below 70° or from 330°; cool
/// hues: 150° to 290°; greys and the rest count as neither.
/// </summary>
public static class NamedColours
{
    /// <summary>Minimum HSV value and saturation for a pixel to count as chromatic.</summary>
    public const double ChromaticThreshold = 0.18;

    /// <summary>The palette, indexed by <see cref="Classify"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["black", "white", "grey", "red", "orange", "yellow", "green", "cyan", "blue", "purple", "pink", "brown"];

    /// <summary>The palette index of one 8-bit RGB pixel.</summary>
    public static int Classify(byte r, byte g, byte b)
    {
        var (hue, saturation, value) = ToHsv(r, g, b);
        if (value < ChromaticThreshold)
        {
            return 0;
        }

        if (saturation < ChromaticThreshold)
        {
            return value >= 0.85 ? 1 : 2;
        }

        return hue switch
        {
            < 15 or >= 340 => saturation < 0.5 && value > 0.75 ? 10 : 3,
            < 45 => value < 0.6 ? 11 : 4,
            < 70 => 5,
            < 165 => 6,
            < 195 => 7,
            < 260 => 8,
            < 315 => 9,
            _ => 10,
        };
    }

    /// <summary>+1 for a warm chromatic pixel, -1 for a cool one, 0 otherwise.</summary>
    public static int Temperature(byte r, byte g, byte b)
    {
        var (hue, saturation, value) = ToHsv(r, g, b);
        if (value < ChromaticThreshold || saturation < ChromaticThreshold)
        {
            return 0;
        }

        return hue is < 70 or >= 330 ? 1 : hue is >= 150 and < 290 ? -1 : 0;
    }

    /// <summary>HSV of an 8-bit RGB pixel: hue in degrees [0, 360), saturation and value in [0, 1].</summary>
    public static (double Hue, double Saturation, double Value) ToHsv(byte r, byte g, byte b)
    {
        int max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
        var chroma = max - min;
        var value = max / 255.0;
        var saturation = max == 0 ? 0 : chroma / (double)max;
        if (chroma == 0)
        {
            return (0, saturation, value);
        }

        double hue = max == r ? (g - b) / (double)chroma
            : max == g ? 2 + ((b - r) / (double)chroma)
            : 4 + ((r - g) / (double)chroma);
        hue *= 60;
        return (hue < 0 ? hue + 360 : hue, saturation, value);
    }
}
