namespace Distributed.Data.Samples;

/// <summary>The fixed Huffman codes of DEFLATE (RFC 1951 section 3.2.6).</summary>
internal static class FixedHuffman
{
    private static readonly int[] LengthBase =
        [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];

    private static readonly int[] LengthExtra =
        [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];

    private static readonly int[] DistanceBase =
    [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
        4097, 6145, 8193, 12289, 16385, 24577,
    ];

    private static readonly int[] DistanceExtra =
        [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

    private static readonly byte[] LiteralLengths = BuildLiteralLengths();
    private static readonly uint[] LiteralCodes = BuildLiteralCodes();
    private static readonly uint[] DistanceCodes = [.. Enumerable.Range(0, 30).Select(d => Reverse((uint)d, 5))];

    /// <summary>Writes a literal/length symbol (0..285) with its fixed code.</summary>
    public static void WriteLiteral(BitWriter w, int symbol) =>
        w.WriteBits(LiteralCodes[symbol], LiteralLengths[symbol]);

    /// <summary>Writes a length/distance pair with its fixed codes and extra bits.</summary>
    public static void WriteMatch(BitWriter w, int length, int distance)
    {
        var li = LengthBase.Length - 1;
        while (LengthBase[li] > length)
        {
            li--;
        }

        WriteLiteral(w, 257 + li);
        w.WriteBits((uint)(length - LengthBase[li]), LengthExtra[li]);
        var di = DistanceBase.Length - 1;
        while (DistanceBase[di] > distance)
        {
            di--;
        }

        w.WriteBits(DistanceCodes[di], 5);
        w.WriteBits((uint)(distance - DistanceBase[di]), DistanceExtra[di]);
    }

    private static byte[] BuildLiteralLengths() =>
        [.. Enumerable.Range(0, 288).Select(s => (byte)(s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8))];

    private static uint[] BuildLiteralCodes() =>
        [.. Enumerable.Range(0, 288).Select(s => s switch
        {
            < 144 => Reverse((uint)(0x30 + s), 8),
            < 256 => Reverse((uint)(0x190 + s - 144), 9),
            < 280 => Reverse((uint)(s - 256), 7),
            _ => Reverse((uint)(0xC0 + s - 280), 8),
        })];

    /// <summary>Huffman codes are stored most-significant bit first; the bit writer is LSB first.</summary>
    private static uint Reverse(uint code, int length)
    {
        uint reversed = 0;
        for (var i = 0; i < length; i++)
        {
            reversed = (reversed << 1) | ((code >> i) & 1);
        }

        return reversed;
    }
}
