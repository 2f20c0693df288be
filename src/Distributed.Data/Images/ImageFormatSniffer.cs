using System.Buffers.Binary;

namespace Distributed.Data.Images;

/// <summary>Recognises the allowed formats by their magic bytes, before any decoder sees the data.</summary>
internal static class ImageFormatSniffer
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    /// <summary>Known BMP info-header sizes (core, v1–v5 and OS/2 variants).</summary>
    private static readonly uint[] BmpHeaderSizes = [12, 16, 40, 52, 56, 64, 108, 124];

    /// <summary>
    /// <c>png</c>, <c>jpeg</c>, <c>webp</c>, <c>gif</c> or <c>bmp</c>; null for anything else.
    /// </summary>
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngMagic))
        {
            return "png";
        }

        if (bytes.StartsWith(JpegMagic))
        {
            return "jpeg";
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "gif";
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        if (bytes.Length >= 18 && bytes.StartsWith("BM"u8)
            && BmpHeaderSizes.Contains(BinaryPrimitives.ReadUInt32LittleEndian(bytes[14..18])))
        {
            return "bmp";
        }

        return null;
    }
}
