using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>
/// Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
/// (name → dtype, shape, data_offsets; optional <c>__metadata__</c>), then the raw little-endian tensor bytes.
/// </summary>
public static class SafetensorsFile
{
    private const string MetadataKey = "__metadata__";

    /// <summary>
    /// Reads every F32, F16 and BF16 tensor as a float32 CPU tensor (the caller owns them); tensors of other
    /// dtypes (e.g. I64 <c>position_ids</c>) are skipped. Throws <see cref="InvalidDataException"/> on a malformed file.
    /// </summary>
    public static Dictionary<string, Tensor> ReadFloatTensors(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            throw new InvalidDataException($"{path}: shorter than the 8-byte safetensors header length.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw new InvalidDataException($"{path}: header length {headerLength} exceeds the file.");
        }

        var dataStart = 8 + (int)headerLength;
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var entry in header.RootElement.EnumerateObject().Where(e => e.Name != MetadataKey))
        {
            var dtype = entry.Value.GetProperty("dtype").GetString();
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var elementSize = dtype switch { "F32" => 4, "F16" or "BF16" => 2, _ => 0 };
            if (elementSize == 0)
            {
                continue;
            }

            var count = shape.Aggregate(1L, (a, d) => a * d);
            if (offsets.Length != 2 || offsets[1] - offsets[0] != count * elementSize || dataStart + offsets[1] > bytes.Length)
            {
                throw new InvalidDataException(
                    $"{path}: tensor '{entry.Name}' ({dtype} {BertStateDict.Format(shape)}) has inconsistent data_offsets.");
            }

            var data = bytes.AsSpan(dataStart + (int)offsets[0], (int)(offsets[1] - offsets[0]));
            result[entry.Name] = tensor(ToFloats(data, dtype!), shape);
        }

        return result;
    }

    /// <summary>Writes float32 tensors (any device) as F32, keys sorted, header padded to 8 bytes.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var ordered = tensors.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var header = new Dictionary<string, object>(StringComparer.Ordinal);
        long offset = 0;
        foreach (var (name, value) in ordered)
        {
            var size = value.numel() * sizeof(float);
            header[name] = new { dtype = "F32", shape = value.shape, data_offsets = new[] { offset, offset + size } };
            offset += size;
        }

        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        var padded = (json.Length + 7) / 8 * 8;
        using var file = File.Create(path);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        file.Write(length);
        file.Write(json);
        file.Write(Enumerable.Repeat((byte)' ', padded - json.Length).ToArray());
        foreach (var (_, value) in ordered)
        {
            using var cpu = value.detach().to(ScalarType.Float32, CPU).contiguous();
            file.Write(MemoryMarshal.AsBytes(cpu.data<float>().ToArray().AsSpan()));
        }
    }

    private static float[] ToFloats(ReadOnlySpan<byte> data, string dtype)
    {
        if (dtype == "F32")
        {
            return MemoryMarshal.Cast<byte, float>(data).ToArray();
        }

        var halves = MemoryMarshal.Cast<byte, ushort>(data);
        var floats = new float[halves.Length];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = dtype == "F16"
                ? (float)BitConverter.UInt16BitsToHalf(halves[i])
                : BitConverter.Int32BitsToSingle(halves[i] << 16);
        }

        return floats;
    }
}
