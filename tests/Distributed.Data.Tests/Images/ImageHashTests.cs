using System.Security.Cryptography;
using Distributed.Data.Images;

namespace Distributed.Data.Tests.Images;

public sealed class ImageHashTests
{
    [Fact]
    public void Sha256Hex_KnownInput_MatchesStandardDigest()
    {
        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ImageHash.Sha256Hex("abc"u8));
    }

    [Fact]
    public void Sha256Hex_AnyBytes_Is64LowercaseHexOfSha256()
    {
        byte[] bytes = [0, 1, 2, 250, 251, 252];

        var hex = ImageHash.Sha256Hex(bytes);

        Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), hex);
        Assert.Matches("^[0-9a-f]{64}$", hex);
    }
}
