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

    /// <summary>Integer mean colour of the half-open rectangle [x0,x1) x [y0,y1) (must be inside the canvas).</summary>
    public Rgb MeanColour(int x0, int y0, int x1, int y1)
    {
        long r = 0, g = 0, b = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var i = ((y * Size) + x0) * 4; i < ((y * Size) + x1) * 4; i += 4)
            {
                r += Pixels[i];
                g += Pixels[i + 1];
                b += Pixels[i + 2];
            }
        }

        long n = Math.Max(1, (x1 - x0) * (y1 - y0));
        return new Rgb((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }
}
