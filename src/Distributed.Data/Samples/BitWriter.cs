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
        while (_bitCount >= 8)
        {
            Append((byte)_bits);
            _bits >>= 8;
            _bitCount -= 8;
        }
    }

    /// <summary>Pads with zero bits to the next byte boundary.</summary>
    public void AlignToByte()
    {
        if (_bitCount > 0)
        {
            WriteBits(0, 8 - _bitCount);
        }
    }

    /// <summary>Appends a whole byte; the writer must be byte-aligned.</summary>
    public void WriteByte(byte value) => WriteBits(value, 8);

    /// <summary>The bytes written so far (call after <see cref="AlignToByte"/>).</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    private void Append(byte b)
    {
        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _buffer[_length++] = b;
    }
}
