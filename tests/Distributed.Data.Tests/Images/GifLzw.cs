namespace Distributed.Data.Tests.Images;

/// <summary>A valid GIF LZW stream (minimum code size 2) that never grows the code table past 3-bit codes.</summary>
internal static class GifLzw
{
    private const int Clear = 4;
    private const int End = 5;

    /// <summary>
    /// <paramref name="count"/> copies of palette index <paramref name="index"/>: a clear code before every two
    /// literals keeps every code 3 bits wide, packed least-significant bit first.
    /// </summary>
    public static byte[] LiteralsOnly(byte index, int count)
    {
        var codes = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                codes.Add(Clear);
            }

            codes.Add(index);
        }

        codes.Add(End);
        var bytes = new byte[((codes.Count * 3) + 7) / 8];
        for (var i = 0; i < codes.Count; i++)
        {
            for (var bit = 0; bit < 3; bit++)
            {
                if ((codes[i] >> bit & 1) != 0)
                {
                    var at = (i * 3) + bit;
                    bytes[at / 8] |= (byte)(1 << (at % 8));
                }
            }
        }

        return bytes;
    }
}
