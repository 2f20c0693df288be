using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Distributed.Learning.Encoder;

/// <summary>A float32 initializer of an ONNX graph (row-major values).</summary>
internal sealed record OnnxInitializer(string Name, long[] Shape, float[] Values);

/// <summary>An ONNX graph node: operator type and its input/output value names.</summary>
internal sealed record OnnxNode(string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);

/// <summary>The parts of an ONNX graph the weight import needs.</summary>
internal sealed record OnnxGraph(IReadOnlyList<OnnxNode> Nodes, IReadOnlyList<OnnxInitializer> Initializers);

/// <summary>
/// Minimal ONNX ModelProto decoder over <see cref="CodedInputStream"/>: graph (7) → node (1), initializer (5).
/// Only FLOAT (data_type 1) initializers with float_data or raw_data are kept; others are skipped.
/// </summary>
internal static class OnnxGraphReader
{
    private const int FloatDataType = 1;

    public static OnnxGraph Read(byte[] modelBytes)
    {
        var input = new CodedInputStream(modelBytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 7 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                return ReadGraph(input.ReadBytes());
            }

            input.SkipLastField();
        }

        throw new InvalidDataException("ONNX model has no graph (ModelProto field 7).");
    }

    private static OnnxGraph ReadGraph(ByteString graphBytes)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new List<OnnxInitializer>();
        var input = new CodedInputStream(Array(graphBytes));
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    nodes.Add(ReadNode(input.ReadBytes()));
                    break;
                case 5:
                    if (ReadTensor(input.ReadBytes()) is { } tensor)
                    {
                        initializers.Add(tensor);
                    }

                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new OnnxGraph(nodes, initializers);
    }

    private static OnnxNode ReadNode(ByteString nodeBytes)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var opType = string.Empty;
        var input = new CodedInputStream(Array(nodeBytes));
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: inputs.Add(input.ReadString()); break;
                case 2: outputs.Add(input.ReadString()); break;
                case 4: opType = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }

        return new OnnxNode(opType, inputs, outputs);
    }

    private static OnnxInitializer? ReadTensor(ByteString tensorBytes)
    {
        var dims = new List<long>();
        var floats = new List<float>();
        var dataType = 0;
        var name = string.Empty;
        ByteString? raw = null;
        var input = new CodedInputStream(Array(tensorBytes));
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var packed = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when packed: ReadPacked(input, s => dims.Add(s.ReadInt64())); break;
                case 1: dims.Add(input.ReadInt64()); break;
                case 2: dataType = input.ReadInt32(); break;
                case 4 when packed: ReadPacked(input, s => floats.Add(s.ReadFloat())); break;
                case 4: floats.Add(input.ReadFloat()); break;
                case 8: name = input.ReadString(); break;
                case 9: raw = input.ReadBytes(); break;
                default: input.SkipLastField(); break;
            }
        }

        if (dataType != FloatDataType)
        {
            return null;
        }

        var values = raw is null ? floats.ToArray() : MemoryMarshal.Cast<byte, float>(raw.Span).ToArray();
        var count = dims.Aggregate(1L, (a, d) => a * d);
        return values.Length == count
            ? new OnnxInitializer(name, dims.ToArray(), values)
            : throw new InvalidDataException($"ONNX initializer '{name}' holds {values.Length} floats, its dims [{string.Join(",", dims)}] need {count}.");
    }

    private static void ReadPacked(CodedInputStream input, Action<CodedInputStream> readOne)
    {
        var inner = new CodedInputStream(Array(input.ReadBytes()));
        while (!inner.IsAtEnd)
        {
            readOne(inner);
        }
    }

    private static byte[] Array(ByteString bytes) =>
        MemoryMarshal.TryGetArray(bytes.Memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToByteArray();
}
