namespace Distributed.Data.Samples;

/// <summary>
/// A small, fully deterministic zlib encoder: greedy LZ77 with a bounded hash chain and one fixed-Huffman block.
/// Unlike native zlib builds, its output cannot change with CPU features or library versions.
/// </summary>
internal static class DeflateEncoder
{
    private const int WindowSize = 32768;
    private const int MinMatch = 3;
    private const int MaxMatch = 258;
    private const int MaxChain = 16;
    private const int GoodMatch = 64;
    private const int MaxInsertLength = 32;
    private const int HashMask = (1 << 15) - 1;

    /// <summary>Compresses <paramref name="data"/> into a zlib stream (RFC 1950 wrapping RFC 1951).</summary>
    public static byte[] Zlib(ReadOnlySpan<byte> data)
    {
        var w = new BitWriter((data.Length / 3) + 64);
        w.WriteByte(0x78);
        w.WriteByte(0x01);
        w.WriteBits(1, 1); // BFINAL
        w.WriteBits(1, 2); // BTYPE = 01, fixed Huffman
        var head = new int[HashMask + 1];
        Array.Fill(head, -1);
        var prev = new int[WindowSize];
        var i = 0;
        while (i < data.Length)
        {
            var (length, distance) = i + MinMatch <= data.Length ? FindMatch(data, i, head, prev) : (0, 0);
            if (length >= MinMatch)
            {
                FixedHuffman.WriteMatch(w, length, distance);
                // Like zlib's max_insert_length: positions inside long matches are not indexed (faster, same format).
                for (var k = 1; length <= MaxInsertLength && k < length && i + k + MinMatch <= data.Length; k++)
                {
                    Insert(data, i + k, head, prev);
                }

                i += length;
            }
            else
            {
                FixedHuffman.WriteLiteral(w, data[i]);
                i++;
            }
        }

        FixedHuffman.WriteLiteral(w, 256);
        w.AlignToByte();
        var adler = Checksums.Adler32(data);
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            w.WriteByte((byte)(adler >> shift));
        }

        return w.ToArray();
    }

    private static (int Length, int Distance) FindMatch(ReadOnlySpan<byte> data, int i, int[] head, int[] prev)
    {
        var best = 0;
        var bestDistance = 0;
        var maxLength = Math.Min(MaxMatch, data.Length - i);
        var candidate = head[Hash(data, i)];
        for (var chain = 0; chain < MaxChain && candidate >= 0 && i - candidate <= WindowSize; chain++)
        {
            // A candidate can only beat the best match if it also agrees at the best match's length.
            var l = best < maxLength && data[candidate + best] == data[i + best]
                ? data.Slice(candidate, maxLength).CommonPrefixLength(data.Slice(i, maxLength))
                : 0;
            if (l > best)
            {
                best = l;
                bestDistance = i - candidate;
                if (l >= GoodMatch)
                {
                    break;
                }
            }

            var next = prev[candidate & (WindowSize - 1)];
            candidate = next < candidate ? next : -1;
        }

        Insert(data, i, head, prev);
        return (best, bestDistance);
    }

    private static void Insert(ReadOnlySpan<byte> data, int i, int[] head, int[] prev)
    {
        var h = Hash(data, i);
        prev[i & (WindowSize - 1)] = head[h];
        head[h] = i;
    }

    private static int Hash(ReadOnlySpan<byte> data, int i) =>
        ((data[i] << 10) ^ (data[i + 1] << 5) ^ data[i + 2]) & HashMask;
}
