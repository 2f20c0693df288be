using System.Security.Cryptography;

namespace Distributed.Data.Images;

/// <summary>Content hashing of image bytes; the image key is the sha256 of the original bytes.</summary>
public static class ImageHash
{
    /// <summary>The sha256 of <paramref name="bytes"/> as 64 lowercase hex characters.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
