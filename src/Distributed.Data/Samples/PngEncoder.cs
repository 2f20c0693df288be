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
        var candidate = new byte[stride];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var src = ((y * size) + x) * 4;
                current[x * 3] = canvas.Pixels[src];
                current[(x * 3) + 1] = canvas.Pixels[src + 1];
                current[(x * 3) + 2] = canvas.Pixels[src + 2];
            }

            var row = raw.AsSpan(y * (stride + 1), stride + 1);
            var bestScore = long.MaxValue;
            for (byte filter = 0; filter <= 4; filter++)
            {
                var score = Filter(filter, current, previous, candidate);
                if (score < bestScore)
                {
                    bestScore = score;
                    row[0] = filter;
                    candidate.CopyTo(row[1..]);
                }
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

    private static long Filter(byte filter, byte[] row, byte[] above, byte[] output)
    {
        long score = 0;
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= Bpp ? row[i - Bpp] : 0;
            int up = above[i];
            int upLeft = i >= Bpp ? above[i - Bpp] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) >> 1,
                _ => Paeth(left, up, upLeft),
            };
            var value = (byte)(row[i] - predictor);
            output[i] = value;
            score += Math.Abs((int)(sbyte)value);
        }

        return score;
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
