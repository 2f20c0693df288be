using System.Buffers.Binary;
using System.Text;

namespace Distributed.Data.Samples;

/// <summary>
/// Encodes an opaque RGBA buffer as an 8-bit RGB PNG with managed, deterministic code only (per-row filter chosen
/// by the usual minimum-sum-of-absolute-differences rule, then <see cref="DeflateEncoder"/>).
/// </summary>
internal static class PngEncoder
{
    private const int Bpp = 3;
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Returns the PNG file bytes of a square RGBA canvas.</summary>
    public static byte[] Encode(PixelCanvas canvas)
    {
        var size = canvas.Size;
        var stride = size * Bpp;
        var raw = new byte[size * (stride + 1)];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var y = 0; y < size; y++)
        {
            var src = canvas.Pixels.AsSpan(y * size * 4, size * 4);
            for (var x = 0; x < size; x++)
            {
                current[x * 3] = src[x * 4];
                current[(x * 3) + 1] = src[(x * 4) + 1];
                current[(x * 3) + 2] = src[(x * 4) + 2];
            }

            var filter = ChooseFilter(current, previous);
            var row = raw.AsSpan(y * (stride + 1), stride + 1);
            row[0] = (byte)filter;
            for (var i = 0; i < stride; i++)
            {
                row[i + 1] = (byte)(current[i] - Predict(filter, current, previous, i));
            }

            (previous, current) = (current, previous);
        }

        using var stream = new MemoryStream();
        stream.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        WriteChunk(stream, "IHDR", header);
        WriteChunk(stream, "IDAT", DeflateEncoder.Zlib(raw));
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>Filter type (0..4) with the least sum of absolute filtered bytes; ties pick the lower type.</summary>
    private static int ChooseFilter(byte[] row, byte[] above)
    {
        long none = 0, sub = 0, up = 0, average = 0, paeth = 0;
        for (var i = 0; i < row.Length; i++)
        {
            int x = row[i], a = i >= Bpp ? row[i - Bpp] : 0, b = above[i], c = i >= Bpp ? above[i - Bpp] : 0;
            none += Math.Abs((int)(sbyte)x);
            sub += Math.Abs((int)(sbyte)(byte)(x - a));
            up += Math.Abs((int)(sbyte)(byte)(x - b));
            average += Math.Abs((int)(sbyte)(byte)(x - ((a + b) >> 1)));
            paeth += Math.Abs((int)(sbyte)(byte)(x - Paeth(a, b, c)));
        }

        long[] scores = [none, sub, up, average, paeth];
        var best = 0;
        for (var f = 1; f < scores.Length; f++)
        {
            if (scores[f] < scores[best])
            {
                best = f;
            }
        }

        return best;
    }

    private static int Predict(int filter, byte[] row, byte[] above, int i)
    {
        int left = i >= Bpp ? row[i - Bpp] : 0;
        int up = above[i];
        return filter switch
        {
            0 => 0,
            1 => left,
            2 => up,
            3 => (left + up) >> 1,
            _ => Paeth(left, up, i >= Bpp ? above[i - Bpp] : 0),
        };
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        stream.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Checksums.Crc32(typeBytes, data));
        stream.Write(word);
    }
}
