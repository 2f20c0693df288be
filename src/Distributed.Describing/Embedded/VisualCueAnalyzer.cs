using SkiaSharp;

namespace Distributed.Describing.Embedded;

/// <summary>Measures <see cref="VisualCues"/> from decoded pixels (alpha ignored: pass opaque images).</summary>
public static class VisualCueAnalyzer
{
    /// <summary>Sobel magnitude (luma 0–1, divided by 4) above which a pixel counts as an edge: a luma step of 1/8.</summary>
    public const double EdgeThreshold = 0.125;

    /// <summary>Minimum share for a colour to be listed among the dominant colours (the first is always listed).</summary>
    public const double MinDominantShare = 0.05;

    private const int MaxDominantColours = 3;

    /// <summary>Measures an image; any colour type is converted to RGBA first.</summary>
    public static VisualCues Measure(SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        if (bitmap.ColorType != SKColorType.Rgba8888)
        {
            using var converted = bitmap.Copy(SKColorType.Rgba8888)
                ?? throw new ArgumentException($"Cannot convert a {bitmap.ColorType} bitmap to RGBA.", nameof(bitmap));
            return Measure(converted);
        }

        int width = bitmap.Width, height = bitmap.Height, stride = bitmap.RowBytes;
        var pixels = bitmap.GetPixelSpan();
        var luma = new double[width * height];
        var colourCounts = new int[NamedColours.Names.Count];
        double sumLuma = 0, sumLuma2 = 0, sumSat = 0, sumRg = 0, sumRg2 = 0, sumYb = 0, sumYb2 = 0;
        long temperature = 0;
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * stride, width * 4);
            for (var x = 0; x < width; x++)
            {
                byte r = row[x * 4], g = row[(x * 4) + 1], b = row[(x * 4) + 2];
                var l = ((0.299 * r) + (0.587 * g) + (0.114 * b)) / 255.0;
                luma[(y * width) + x] = l;
                sumLuma += l;
                sumLuma2 += l * l;
                sumSat += NamedColours.ToHsv(r, g, b).Saturation;
                double rg = r - g, yb = (0.5 * (r + g)) - b;
                sumRg += rg;
                sumRg2 += rg * rg;
                sumYb += yb;
                sumYb2 += yb * yb;
                colourCounts[NamedColours.Classify(r, g, b)]++;
                temperature += NamedColours.Temperature(r, g, b);
            }
        }

        double n = Math.Max(1, width * height);
        var meanLuma = sumLuma / n;
        double meanRg = sumRg / n, meanYb = sumYb / n;
        var stdRg = Math.Sqrt(Math.Max(0, (sumRg2 / n) - (meanRg * meanRg)));
        var stdYb = Math.Sqrt(Math.Max(0, (sumYb2 / n) - (meanYb * meanYb)));
        return new VisualCues(
            Brightness: meanLuma,
            Contrast: Math.Sqrt(Math.Max(0, (sumLuma2 / n) - (meanLuma * meanLuma))),
            Saturation: sumSat / n,
            Colourfulness: Math.Sqrt((stdRg * stdRg) + (stdYb * stdYb)) + (0.3 * Math.Sqrt((meanRg * meanRg) + (meanYb * meanYb))),
            EdgeDensity: EdgeDensity(luma, width, height),
            Warmth: temperature / n,
            DominantColours: Dominant(colourCounts, n));
    }

    /// <summary>Share of interior pixels whose Sobel magnitude / 4 exceeds <see cref="EdgeThreshold"/>.</summary>
    internal static double EdgeDensity(double[] luma, int width, int height)
    {
        if (width < 3 || height < 3)
        {
            return 0;
        }

        var threshold2 = EdgeThreshold * EdgeThreshold * 16;
        var edges = 0;
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                int i = (y * width) + x, up = i - width, down = i + width;
                var gx = luma[up + 1] + (2 * luma[i + 1]) + luma[down + 1] - luma[up - 1] - (2 * luma[i - 1]) - luma[down - 1];
                var gy = luma[down - 1] + (2 * luma[down]) + luma[down + 1] - luma[up - 1] - (2 * luma[up]) - luma[up + 1];
                if ((gx * gx) + (gy * gy) > threshold2)
                {
                    edges++;
                }
            }
        }

        return edges / (double)((width - 2) * (height - 2));
    }

    private static List<ColourShare> Dominant(int[] counts, double total)
    {
        var ranked = Enumerable.Range(0, counts.Length)
            .Where(i => counts[i] > 0)
            .OrderByDescending(i => counts[i])
            .ThenBy(i => i)
            .Select(i => new ColourShare(NamedColours.Names[i], counts[i] / total))
            .ToList();
        return ranked.Take(1).Concat(ranked.Skip(1).Take(MaxDominantColours - 1).Where(c => c.Share >= MinDominantShare)).ToList();
    }
}
