namespace Distributed.Learning.Collective;

/// <summary>
/// The fixed split of a buffer of <c>length</c> elements into <c>worldSize</c> contiguous segments, which every rank
/// computes identically: the first <c>length % worldSize</c> segments hold <c>length / worldSize + 1</c> elements, the
/// rest <c>length / worldSize</c> (so segments are empty when <c>length &lt; worldSize</c>).
/// </summary>
public static class RingSegments
{
    /// <summary>The number of elements in segment <paramref name="index"/>.</summary>
    public static int Length(int length, int worldSize, int index)
    {
        Validate(length, worldSize, index);
        return (length / worldSize) + (index < length % worldSize ? 1 : 0);
    }

    /// <summary>The offset of segment <paramref name="index"/>'s first element in the buffer.</summary>
    public static int Offset(int length, int worldSize, int index)
    {
        Validate(length, worldSize, index);
        return (index * (length / worldSize)) + Math.Min(index, length % worldSize);
    }

    private static void Validate(int length, int worldSize, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, worldSize);
    }
}
