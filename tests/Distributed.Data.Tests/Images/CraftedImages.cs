using System.Buffers.Binary;
using SkiaSharp;

namespace Distributed.Data.Tests.Images;

/// <summary>Images built byte by byte: formats SkiaSharp cannot encode (GIF, BMP).</summary>
internal static class CraftedImages
{
    /// <summary>A 24-bit bottom-up BMP: top half <paramref name="top"/>, bottom half <paramref name="bottom"/>.</summary>
    public static byte[] Bmp(int width, int height, SKColor top, SKColor bottom)
    {
        var stride = ((width * 3) + 3) & ~3;
        var bytes = new byte[54 + (stride * height)];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        for (var row = 0; row < height; row++)
        {
            var color = row < height / 2 ? bottom : top; // file rows run bottom-up
            for (var x = 0; x < width; x++)
            {
                var at = 54 + (row * stride) + (x * 3);
                (bytes[at], bytes[at + 1], bytes[at + 2]) = (color.Blue, color.Green, color.Red);
            }
        }

        return bytes;
    }

    /// <summary>A GIF89a with one solid frame per colour; palette index i holds <paramref name="frames"/>[i].</summary>
    public static byte[] Gif(int width, int height, params SKColor[] frames)
    {
        var gif = new List<byte>("GIF89a"u8.ToArray());
        AddUInt16(gif, width);
        AddUInt16(gif, height);
        gif.AddRange([0xF1, 0, 0]); // global colour table of 4 entries
        for (var i = 0; i < 4; i++)
        {
            var c = i < frames.Length ? frames[i] : SKColors.Black;
            gif.AddRange([c.Red, c.Green, c.Blue]);
        }

        for (var frame = 0; frame < frames.Length; frame++)
        {
            gif.AddRange([0x2C, 0, 0, 0, 0]);
            AddUInt16(gif, width);
            AddUInt16(gif, height);
            gif.Add(0);
            gif.Add(2); // LZW minimum code size
            var lzw = GifLzw.LiteralsOnly((byte)frame, width * height);
            foreach (var block in lzw.Chunk(255))
            {
                gif.Add((byte)block.Length);
                gif.AddRange(block);
            }

            gif.Add(0);
        }

        gif.Add(0x3B);
        return [.. gif];
    }

    private static void AddUInt16(List<byte> bytes, int value) => bytes.AddRange([(byte)value, (byte)(value >> 8)]);
}
