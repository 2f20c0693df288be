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

    /// <summary>Writes a literal/length symbol (0..285) with its fixed code.</summary>
    public static void WriteLiteral(BitWriter w, int symbol)
    {
        switch (symbol)
        {
            case < 144:
                w.WriteCode((uint)(0x30 + symbol), 8);
                break;
            case < 256:
                w.WriteCode((uint)(0x190 + symbol - 144), 9);
                break;
            case < 280:
                w.WriteCode((uint)(symbol - 256), 7);
                break;
            default:
                w.WriteCode((uint)(0xC0 + symbol - 280), 8);
                break;
        }
    }

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

        w.WriteCode((uint)di, 5);
        w.WriteBits((uint)(distance - DistanceBase[di]), DistanceExtra[di]);
    }
}
