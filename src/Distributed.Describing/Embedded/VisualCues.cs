namespace Distributed.Describing.Embedded;

/// <summary>Visual measurements of one image, from its pixels; the numbers behind the embedded <c>visual_scene</c>.</summary>
/// <param name="Brightness">Mean Rec.601 luma, 0 (black) to 1 (white).</param>
/// <param name="Contrast">Standard deviation of luma, 0 to 0.5.</param>
/// <param name="Saturation">Mean HSV saturation, 0 to 1.</param>
/// <param name="Colourfulness">Hasler–Süsstrunk colourfulness M on the 0–255 scale (about 0 grey, 15 slightly, 59 quite, 109+ extremely colourful).</param>
/// <param name="EdgeDensity">Share of interior pixels whose Sobel luma gradient magnitude (divided by 4) exceeds <see cref="VisualCueAnalyzer.EdgeThreshold"/>.</param>
/// <param name="Warmth">Share of warm-hued pixels minus share of cool-hued pixels, -1 to 1 (see <see cref="NamedColours"/>).</param>
/// <param name="DominantColours">The named colours with the largest pixel shares, largest first (at most three).</param>
public sealed record VisualCues(
    double Brightness,
    double Contrast,
    double Saturation,
    double Colourfulness,
    double EdgeDensity,
    double Warmth,
    IReadOnlyList<ColourShare> DominantColours);

/// <summary>A named colour and its share of the image's pixels (0 to 1).</summary>
/// <param name="Name">A name from <see cref="NamedColours.Names"/>.</param>
/// <param name="Share">Share of pixels, 0 to 1.</param>
public sealed record ColourShare(string Name, double Share);
