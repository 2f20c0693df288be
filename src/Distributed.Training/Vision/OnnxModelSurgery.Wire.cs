using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Distributed.Training.Vision;

/// <summary>Protobuf wire reading and writing for <see cref="OnnxModelSurgery"/>.</summary>
internal static partial class OnnxModelSurgery
{
    private static byte[] GraphBytes(byte[] model, out int start, out int end)
    {
        var input = new CodedInputStream(model);
        while (true)
        {
            var position = (int)input.Position;
            var tag = input.ReadTag();
            if (tag == 0)
            {
                throw new InvalidDataException("The ONNX model has no graph (ModelProto field 7).");
            }

            if (WireFormat.GetTagFieldNumber(tag) == 7 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                var graph = input.ReadBytes().ToByteArray();
                start = position;
                end = (int)input.Position;
                return graph;
            }

            input.SkipLastField();
        }
    }

    private static byte[] WithGraph(byte[] model, int start, int end, byte[] graph)
    {
        using var result = new MemoryStream(model.Length + 256);
        result.Write(model, 0, start);
        WriteMessage(result, 7, graph);
        result.Write(model, end, model.Length - end);
        return result.ToArray();
    }

    private static byte[] TensorValueInfo(string name, int elementType, IReadOnlyList<long> dims, string? batchParam)
    {
        using var shape = new MemoryStream();
        for (var i = 0; i < dims.Count; i++)
        {
            // Dimension: dim_value = 1, dim_param = 2.
            WriteMessage(shape, 1, i == 0 && batchParam is not null
                ? Message(2, System.Text.Encoding.UTF8.GetBytes(batchParam))
                : Varint(1, (ulong)dims[i]));
        }

        using var tensor = new MemoryStream();
        tensor.Write(Varint(1, (ulong)elementType));
        WriteMessage(tensor, 2, shape.ToArray());
        using var valueInfo = new MemoryStream();
        WriteMessage(valueInfo, 1, System.Text.Encoding.UTF8.GetBytes(name));
        WriteMessage(valueInfo, 2, Message(1, tensor.ToArray()));
        return valueInfo.ToArray();
    }

    private static (string Name, int ElementType, List<long> Dims) ReadTensorValueInfo(ByteString bytes)
    {
        var (name, elementType, dims) = (string.Empty, 0, new List<long>());
        var info = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = info.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: name = info.ReadString(); break;
                case 2: (elementType, dims) = ReadTensorType(info.ReadBytes(), name); break;
                default: info.SkipLastField(); break;
            }
        }

        return (name, elementType, dims);
    }

    private static (int ElementType, List<long> Dims) ReadTensorType(ByteString typeBytes, string name)
    {
        var (elementType, dims) = (0, new List<long>());
        var type = new CodedInputStream(typeBytes.ToByteArray());
        uint tag;
        while ((tag = type.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != 1)
            {
                throw new InvalidDataException($"ONNX value '{name}' is not a tensor.");
            }

            var tensor = new CodedInputStream(type.ReadBytes().ToByteArray());
            while ((tag = tensor.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case 1: elementType = tensor.ReadInt32(); break;
                    case 2: dims = ReadShape(tensor.ReadBytes(), name); break;
                    default: tensor.SkipLastField(); break;
                }
            }
        }

        return (elementType, dims);
    }

    private static List<long> ReadShape(ByteString shapeBytes, string name)
    {
        var dims = new List<long>();
        var shape = new CodedInputStream(shapeBytes.ToByteArray());
        uint tag;
        while ((tag = shape.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != 1)
            {
                shape.SkipLastField();
                continue;
            }

            var dim = new CodedInputStream(shape.ReadBytes().ToByteArray());
            long? value = null;
            while ((tag = dim.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(tag) == 1)
                {
                    value = dim.ReadInt64();
                }
                else
                {
                    dim.SkipLastField();
                }
            }

            dims.Add(value ?? throw new InvalidDataException($"ONNX value '{name}' has a symbolic dimension already."));
        }

        return dims;
    }

    private static byte[] Message(int field, byte[] payload)
    {
        using var stream = new MemoryStream();
        WriteMessage(stream, field, payload);
        return stream.ToArray();
    }

    private static void WriteMessage(Stream stream, int field, byte[] payload)
    {
        WriteVarint(stream, ((ulong)field << 3) | 2);
        WriteVarint(stream, (ulong)payload.Length);
        stream.Write(payload);
    }

    private static byte[] Varint(int field, ulong value)
    {
        using var stream = new MemoryStream();
        WriteVarint(stream, (ulong)field << 3);
        WriteVarint(stream, value);
        return stream.ToArray();
    }

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }
}
