namespace Distributed.Data.Samples;

/// <summary>Aliased triangles and lines on a <see cref="PixelCanvas"/>, integer math only.</summary>
internal static class PixelShapes
{
    /// <summary>Fills a triangle by integer edge functions (either winding).</summary>
    public static void FillTriangle(this PixelCanvas canvas, (int X, int Y) a, (int X, int Y) b, (int X, int Y) p, Rgb c)
    {
        var minX = Math.Min(a.X, Math.Min(b.X, p.X));
        var maxX = Math.Max(a.X, Math.Max(b.X, p.X));
        var minY = Math.Min(a.Y, Math.Min(b.Y, p.Y));
        var maxY = Math.Max(a.Y, Math.Max(b.Y, p.Y));
        for (var y = minY; y <= maxY; y++)
        {
            for (var x = minX; x <= maxX; x++)
            {
                var e0 = Edge(a, b, x, y);
                var e1 = Edge(b, p, x, y);
                var e2 = Edge(p, a, x, y);
                if ((e0 >= 0 && e1 >= 0 && e2 >= 0) || (e0 <= 0 && e1 <= 0 && e2 <= 0))
                {
                    canvas.Set(x, y, c);
                }
            }
        }
    }

    /// <summary>Draws a line of square pen <paramref name="width"/> by integer Bresenham stepping.</summary>
    public static void DrawLine(this PixelCanvas canvas, int x0, int y0, int x1, int y1, int width, Rgb c)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        var err = dx + dy;
        var half = width / 2;
        while (true)
        {
            canvas.FillRect(x0 - half, y0 - half, x0 - half + width, y0 - half + width, c);
            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            var e2 = 2 * err;
            if (e2 >= dy)
            {
                err += dy;
                x0 += sx;
            }

            if (e2 <= dx)
            {
                err += dx;
                y0 += sy;
            }
        }
    }

    private static int Edge((int X, int Y) a, (int X, int Y) b, int x, int y) =>
        ((b.X - a.X) * (y - a.Y)) - ((b.Y - a.Y) * (x - a.X));
}
