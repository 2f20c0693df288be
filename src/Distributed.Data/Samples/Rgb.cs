namespace Distributed.Data.Samples;

/// <summary>An opaque 8-bit colour.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>Integer luma (0..255), Rec. 601 weights.</summary>
    public int Luma => ((299 * R) + (587 * G) + (114 * B)) / 1000;

    /// <summary>Integer linear blend: <paramref name="t"/> of <paramref name="other"/> out of 256.</summary>
    public Rgb Mix(Rgb other, int t) => new(
        (byte)(R + (((other.R - R) * t) >> 8)),
        (byte)(G + (((other.G - G) * t) >> 8)),
        (byte)(B + (((other.B - B) * t) >> 8)));

    /// <summary>Adds <paramref name="delta"/> to every channel, clamped to 0..255.</summary>
    public Rgb Shift(int delta) => new(Clamp(R + delta), Clamp(G + delta), Clamp(B + delta));

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);
}
