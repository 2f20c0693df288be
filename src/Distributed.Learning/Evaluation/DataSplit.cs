using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Distributed.Learning.Evaluation;

/// <summary>
/// Deterministic train / dev / test assignment for manifests without a split column. A row's place is a pure function
/// of its id, the seed and the ratios: SHA-256 of UTF-8 <c>"{seed}:{rowId}"</c> (seed in invariant culture), its
/// first 8 bytes read big-endian and the top 53 bits scaled to [0, 1). It is the same on every machine and run
/// (unlike <see cref="string.GetHashCode()"/>) and does not depend on row order or on the other rows.
/// </summary>
public static class DataSplit
{
    /// <summary>Name of the training split.</summary>
    public const string Train = "train";

    /// <summary>Name of the development (validation) split.</summary>
    public const string Dev = "dev";

    /// <summary>Name of the test split.</summary>
    public const string Test = "test";

    private const double TwoToThe53 = 9007199254740992.0;

    /// <summary>
    /// <see cref="Train"/> when the row's point u &lt; train, <see cref="Dev"/> when u &lt; train + dev, else
    /// <see cref="Test"/> (a split with share 0 never gets a row).
    /// </summary>
    public static string Assign(string rowId, SplitRatios ratios, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(rowId);
        ArgumentNullException.ThrowIfNull(ratios);
        var point = UnitPoint(rowId, seed);
        if (point < ratios.Train)
        {
            return Train;
        }

        // A zero test share must not receive the rows left over by rounding in train + dev (sum within 1e-9 of 1).
        if (point < ratios.Train + ratios.Dev || ratios.Test == 0)
        {
            return ratios.Dev > 0 ? Dev : Train;
        }

        return Test;
    }

    /// <summary>
    /// Rows per split name; <see cref="Train"/>, <see cref="Dev"/> and <see cref="Test"/> are always present (0 when
    /// absent), any other name appears with its count. Names compare ordinally.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Summarise(IEnumerable<string> splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { [Train] = 0, [Dev] = 0, [Test] = 0 };
        foreach (var split in splits)
        {
            counts[split] = counts.GetValueOrDefault(split) + 1;
        }

        return counts;
    }

    /// <summary>The row's point in [0, 1) for <paramref name="seed"/>.</summary>
    private static double UnitPoint(string rowId, int seed)
    {
        var key = Encoding.UTF8.GetBytes(seed.ToString(CultureInfo.InvariantCulture) + ":" + rowId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / TwoToThe53;
    }
}
