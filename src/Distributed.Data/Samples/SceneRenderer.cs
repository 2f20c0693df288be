namespace Distributed.Data.Samples;

/// <summary>
/// Draws a scene whose measurable cues carry its class: positive = bright warm colours and a few large smooth
/// circles; neutral = mid-grey / beige with a few plain rectangles; negative = dark cold ground with many small
/// jagged shapes and lines (high edge density).
/// </summary>
internal static class SceneRenderer
{
    /// <summary>Draws the scene of class <paramref name="scene"/> into <paramref name="canvas"/>.</summary>
    public static void Draw(PixelCanvas canvas, SampleLabel scene, Random rng)
    {
        switch (scene)
        {
            case SampleLabel.Positive:
                DrawPositive(canvas, rng);
                break;
            case SampleLabel.Negative:
                DrawNegative(canvas, rng);
                break;
            default:
                DrawNeutral(canvas, rng);
                break;
        }
    }

    private static void DrawPositive(PixelCanvas canvas, Random rng)
    {
        var s = canvas.Size;
        var (top, bottom) = ScenePalettes.Pick(ScenePalettes.PositiveSkies, rng);
        SceneBackground.Fill(canvas, top, bottom, Math.Max(1, s / 16), 5, rng.Next());
        var shapes = 1 + rng.Next(3);
        for (var i = 0; i < shapes; i++)
        {
            var r = s * (8 + rng.Next(9)) / 100;
            canvas.FillCircle(rng.Next(s), rng.Next(s), r, ScenePalettes.Pick(ScenePalettes.PositiveShapes, rng));
        }

        var sunR = s * (10 + rng.Next(9)) / 100;
        canvas.FillCircle(sunR + rng.Next(s - (2 * sunR)), sunR + rng.Next(s / 3), sunR,
            ScenePalettes.Pick(ScenePalettes.PositiveSuns, rng));
    }

    private static void DrawNeutral(PixelCanvas canvas, Random rng)
    {
        var s = canvas.Size;
        var (top, bottom) = ScenePalettes.Pick(ScenePalettes.NeutralWalls, rng);
        SceneBackground.Fill(canvas, top, bottom, Math.Max(1, s / 32), 6, rng.Next());
        var rects = 2 + rng.Next(3);
        for (var i = 0; i < rects; i++)
        {
            var w = s * (15 + rng.Next(26)) / 100;
            var h = s * (15 + rng.Next(26)) / 100;
            var x = rng.Next(s - w);
            var y = rng.Next(s - h);
            canvas.FillRect(x, y, x + w, y + h, ScenePalettes.Pick(ScenePalettes.NeutralShapes, rng));
        }
    }

    private static void DrawNegative(PixelCanvas canvas, Random rng)
    {
        var s = canvas.Size;
        var (top, bottom) = ScenePalettes.Pick(ScenePalettes.NegativeGrounds, rng);
        SceneBackground.Fill(canvas, top, bottom, Math.Max(1, s / 128), 14, rng.Next());
        var unit = Math.Max(1, s / 64);
        var shapes = 30 + rng.Next(31);
        for (var i = 0; i < shapes; i++)
        {
            var colour = ScenePalettes.Pick(ScenePalettes.NegativeShapes, rng);
            var x = rng.Next(s);
            var y = rng.Next(s);
            if (rng.Next(2) == 0)
            {
                var reach = unit * (2 + rng.Next(4));
                canvas.FillTriangle(
                    (x, y),
                    (x + rng.Next(-reach, reach + 1), y + rng.Next(-reach, reach + 1)),
                    (x + rng.Next(-reach, reach + 1), y + rng.Next(-reach, reach + 1)),
                    colour);
            }
            else
            {
                var len = unit * (3 + rng.Next(8));
                canvas.DrawLine(x, y, x + rng.Next(-len, len + 1), y + rng.Next(-len, len + 1),
                    1 + rng.Next(Math.Max(1, unit / 2) + 1), colour);
            }
        }
    }
}
