using System.Buffers.Binary;
using System.Text;

namespace Distributed.Data.Samples;

/// <summary>
/// Encodes an opaque RGBA canvas as an 8-bit RGB PNG with managed, deterministic code only: every row uses the
/// Sub filter (as small as adaptive filtering on these images, and cheaper), then <see cref="DeflateEncoder"/>.
/// </summary>
internal static class PngEncoder
{
    private const byte SubFilter = 1;
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Returns the PNG file bytes of a square RGBA canvas.</summary>
    public static byte[] Encode(PixelCanvas canvas)
    {
        var size = canvas.Size;
        var stride = size * 3;
        var raw = new byte[size * (stride + 1)];
        var pixels = canvas.Pixels;
        for (var y = 0; y < size; y++)
        {
            var o = y * (stride + 1);
            raw[o++] = SubFilter;
            int r = 0, g = 0, b = 0;
            for (var i = y * size * 4; i < (y + 1) * size * 4; i += 4)
            {
                raw[o++] = (byte)(pixels[i] - r);
                raw[o++] = (byte)(pixels[i + 1] - g);
                raw[o++] = (byte)(pixels[i + 2] - b);
                (r, g, b) = (pixels[i], pixels[i + 1], pixels[i + 2]);
            }
        }

        using var stream = new MemoryStream();
        stream.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB; compression, filter and interlace methods stay 0
        WriteChunk(stream, "IHDR", header);
        WriteChunk(stream, "IDAT", DeflateEncoder.Zlib(raw));
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
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
