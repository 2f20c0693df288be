namespace Distributed.Data.Samples;

/// <summary>CRC-32 (PNG chunks) and Adler-32 (zlib stream), table-driven and platform independent.</summary>
internal static class Checksums
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Standard CRC-32 (polynomial 0xEDB88320) over two consecutive spans.</summary>
    public static uint Crc32(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in first)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        foreach (var b in second)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>Adler-32 as used by the zlib trailer.</summary>
    public static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Mod = 65521;
        const int MaxRun = 5552; // largest run before b can overflow 32 bits (zlib's NMAX)
        uint a = 1, b = 0;
        while (!data.IsEmpty)
        {
            var run = data[..Math.Min(MaxRun, data.Length)];
            foreach (var d in run)
            {
                a += d;
                b += a;
            }

            a %= Mod;
            b %= Mod;
            data = data[run.Length..];
        }

        return (b << 16) | a;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
