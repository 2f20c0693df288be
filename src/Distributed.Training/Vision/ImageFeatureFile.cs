using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Distributed.Training.Vision;

/// <summary>
/// One <see cref="ImageFeatureCache"/> file, little-endian: magic <c>RN18</c>, format 1 (int32), feature space (int32 byte length + UTF-8),
/// key (32 bytes), pooled count and region-float count (int32 each), the floats, then the sha256 of everything
/// before it (32 bytes). Floats are written in the host's byte order (little-endian on x64 and arm64).
/// </summary>
internal static class ImageFeatureFile
{
    private const int Format = 1;
    private const int HashLength = 32;
    private static readonly byte[] Magic = "RN18"u8.ToArray();

    public static byte[] Serialize(string key, string space, ImageFeatures features)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Format);
            var spaceBytes = Encoding.UTF8.GetBytes(space);
            writer.Write(spaceBytes.Length);
            writer.Write(spaceBytes);
            writer.Write(Convert.FromHexString(key));
            writer.Write(features.Pooled.Length);
            writer.Write(features.Regions.Length);
            writer.Write(MemoryMarshal.AsBytes(features.Pooled.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(features.Regions.AsSpan()));
        }

        body.Write(SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        return body.ToArray();
    }

    public static bool TryRead(byte[] file, string key, string space, out ImageFeatures features)
    {
        features = null!;
        if (file.Length < HashLength + 8 ||
            !SHA256.HashData(file.AsSpan(0, file.Length - HashLength)).AsSpan().SequenceEqual(file.AsSpan(file.Length - HashLength)))
        {
            return false;
        }

        using var reader = new BinaryReader(new MemoryStream(file, 0, file.Length - HashLength));
        try
        {
            if (!reader.ReadBytes(4).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != Format)
            {
                return false;
            }

            var spaceLength = reader.ReadInt32();
            if (spaceLength is < 0 or > 4096 ||
                Encoding.UTF8.GetString(reader.ReadBytes(spaceLength)) != space ||
                !reader.ReadBytes(32).AsSpan().SequenceEqual(Convert.FromHexString(key)) ||
                reader.ReadInt32() != ImageFeatures.Channels ||
                reader.ReadInt32() != ImageFeatures.RegionCount * ImageFeatures.Channels)
            {
                return false;
            }

            var pooled = ReadFloats(reader, ImageFeatures.Channels);
            var regions = ReadFloats(reader, ImageFeatures.RegionCount * ImageFeatures.Channels);
            if (pooled is null || regions is null || reader.BaseStream.Position != reader.BaseStream.Length)
            {
                return false;
            }

            features = new ImageFeatures(pooled, regions);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    private static float[]? ReadFloats(BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(count * sizeof(float));
        return bytes.Length == count * sizeof(float)
            ? MemoryMarshal.Cast<byte, float>(bytes).ToArray()
            : null;
    }
}
