using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Distributed.Abstractions.Describing;

namespace Distributed.Storage.Descriptions;

/// <summary>
/// The 128-bit key hash the indexes use: the first 16 bytes of sha256 over the four key parts joined by NUL.
/// Collisions are negligible (about 2^-64 at 2^32 keys); reads that return records still compare the full key.
/// </summary>
internal static class KeyHash
{
    public static UInt128 Of(DescriptionKey key)
    {
        var text = string.Join('\0', key.ImageSha256, key.ContextHash, key.DescriberId, key.PromptVersion);
        var length = Encoding.UTF8.GetByteCount(text);
        var bytes = length <= 1024 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(text, bytes);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }

    public static long High(UInt128 hash) => (long)(ulong)(hash >> 64);

    public static long Low(UInt128 hash) => (long)(ulong)hash;

    public static UInt128 From(long high, long low) => new((ulong)high, (ulong)low);
}
