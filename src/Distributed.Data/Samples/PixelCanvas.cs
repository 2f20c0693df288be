namespace Distributed.Data.Samples;

/// <summary>
/// An RGBA8888 opaque pixel buffer drawn with integer math only, so output never depends on CPU SIMD paths.
/// </summary>
internal sealed class PixelCanvas
{
    public PixelCanvas(int size)
    {
        Size = size;
        Pixels = new byte[size * size * 4];
    }

    /// <summary>Width and height.</summary>
    public int Size { get; }

    /// <summary>Row-major RGBA bytes, alpha always 255.</summary>
    public byte[] Pixels { get; }

    /// <summary>Sets one pixel; coordinates outside the canvas are ignored.</summary>
    public void Set(int x, int y, Rgb c)
    {
        if ((uint)x >= (uint)Size || (uint)y >= (uint)Size)
        {
            return;
        }

        var i = ((y * Size) + x) * 4;
        Pixels[i] = c.R;
        Pixels[i + 1] = c.G;
        Pixels[i + 2] = c.B;
        Pixels[i + 3] = 255;
    }

    /// <summary>Fills the half-open rectangle [x0,x1) x [y0,y1).</summary>
    public void FillRect(int x0, int y0, int x1, int y1, Rgb c)
    {
        for (var y = Math.Max(0, y0); y < Math.Min(Size, y1); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(Size, x1); x++)
            {
                Set(x, y, c);
            }
        }
    }

    /// <summary>Fills the pixels whose centres lie within <paramref name="r"/> of (cx, cy).</summary>
    public void FillCircle(int cx, int cy, int r, Rgb c)
    {
        var r2 = r * r;
        for (var dy = -r; dy <= r; dy++)
        {
            for (var dx = -r; dx <= r; dx++)
            {
                if ((dx * dx) + (dy * dy) <= r2)
                {
                    Set(cx + dx, cy + dy, c);
                }
            }
        }
    }

    /// <summary>Fills a triangle by integer edge functions (either winding).</summary>
    public void FillTriangle((int X, int Y) a, (int X, int Y) b, (int X, int Y) p, Rgb c)
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
                    Set(x, y, c);
                }
            }
        }
    }

    /// <summary>Draws a line of square pen <paramref name="width"/> by integer Bresenham stepping.</summary>
    public void DrawLine(int x0, int y0, int x1, int y1, int width, Rgb c)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        var err = dx + dy;
        var half = width / 2;
        while (true)
        {
            FillRect(x0 - half, y0 - half, x0 - half + width, y0 - half + width, c);
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
