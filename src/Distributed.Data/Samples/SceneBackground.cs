namespace Distributed.Data.Samples;

/// <summary>Vertical colour ramp plus blocky integer-hash noise, drawn pixel by pixel.</summary>
internal static class SceneBackground
{
    /// <summary>
    /// Fills the canvas: row colour ramps from <paramref name="top"/> to <paramref name="bottom"/>; each
    /// <paramref name="cell"/>-sized block is shifted by up to ±<paramref name="amplitude"/>.
    /// </summary>
    public static void Fill(PixelCanvas canvas, Rgb top, Rgb bottom, int cell, int amplitude, int seed)
    {
        var size = canvas.Size;
        var pixels = canvas.Pixels;
        var span = (uint)((2 * amplitude) + 1);
        for (var y = 0; y < size; y++)
        {
            var row = top.Mix(bottom, y * 256 / size);
            var i = y * size * 4;
            var shaded = row;
            for (var x = 0; x < size; x++, i += 4)
            {
                if (x % cell == 0)
                {
                    shaded = row.Shift((int)(Hash(x / cell, y / cell, seed) % span) - amplitude);
                }

                pixels[i] = shaded.R;
                pixels[i + 1] = shaded.G;
                pixels[i + 2] = shaded.B;
                pixels[i + 3] = 255;
            }
        }
    }

    /// <summary>A fixed integer mix of (x, y, seed); independent of platform and runtime.</summary>
    public static uint Hash(int x, int y, int seed)
    {
        unchecked
        {
            var h = ((uint)x * 0x8DA6B343u) ^ ((uint)y * 0xD8163841u) ^ ((uint)seed * 0xCB1AB31Fu);
            h ^= h >> 15;
            h *= 0x2C1B3C6Du;
            h ^= h >> 12;
            h *= 0x297A2D39u;
            h ^= h >> 15;
            return h;
        }
    }
}
