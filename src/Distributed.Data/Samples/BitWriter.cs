namespace Distributed.Data.Samples;

/// <summary>Least-significant-bit-first bit writer, as DEFLATE requires.</summary>
internal sealed class BitWriter
{
    private byte[] _buffer;
    private int _length;
    private ulong _bits;
    private int _bitCount;

    public BitWriter(int capacity) => _buffer = new byte[Math.Max(64, capacity)];

    /// <summary>Appends the low <paramref name="count"/> bits of <paramref name="value"/> (count ≤ 32).</summary>
    public void WriteBits(uint value, int count)
    {
        _bits |= (ulong)(value & (uint)((1UL << count) - 1)) << _bitCount;
        _bitCount += count;
        if (_bitCount >= 32)
        {
            Flush(32);
        }
    }

    /// <summary>Pads with zero bits to the next byte boundary.</summary>
    public void AlignToByte()
    {
        _bitCount = (_bitCount + 7) & ~7;
        Flush(_bitCount);
    }

    /// <summary>Appends 8 bits (a whole byte when the writer is byte-aligned).</summary>
    public void WriteByte(byte value) => WriteBits(value, 8);

    /// <summary>Pads to a byte boundary and returns every byte written.</summary>
    public byte[] ToArray()
    {
        AlignToByte();
        return _buffer.AsSpan(0, _length).ToArray();
    }

    /// <summary>Moves <paramref name="bitCount"/> (a multiple of 8) buffered bits into the byte buffer.</summary>
    private void Flush(int bitCount)
    {
        if (_length + 8 > _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        for (var i = 0; i < bitCount; i += 8)
        {
            _buffer[_length++] = (byte)_bits;
            _bits >>= 8;
        }

        _bitCount -= bitCount;
    }
}
