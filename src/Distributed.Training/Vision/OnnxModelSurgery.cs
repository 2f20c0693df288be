using Distributed.Learning.Encoder;
using Google.Protobuf;

namespace Distributed.Training.Vision;

/// <summary>
/// The few ONNX ModelProto reads and edits the image encoder needs, over the protobuf wire format
/// (onnx.proto: ModelProto.graph = 7; GraphProto.node = 1, initializer = 5, output = 12; NodeProto.input = 1,
/// output = 2, op_type = 4; TensorProto.dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9;
/// ValueInfoProto.name = 1, type = 2; TypeProto.tensor_type = 1; Tensor.elem_type = 1, shape = 2;
/// TensorShapeProto.dim = 1; Dimension.dim_value = 1).
/// </summary>
internal static partial class OnnxModelSurgery
{
    private const int FloatElementType = 1;

    /// <summary>The first input of the node of type <paramref name="opType"/> that produces <paramref name="outputName"/>.</summary>
    public static string InputOfNodeProducing(byte[] model, string outputName, string opType) =>
        InputOfNodeProducing(OnnxGraphReader.Read(model), outputName, opType);

    /// <summary>As above, on an already read graph.</summary>
    public static string InputOfNodeProducing(OnnxGraph graph, string outputName, string opType) =>
        graph.Nodes
            .FirstOrDefault(n => n.OpType == opType && n.Outputs.Contains(outputName) && n.Inputs.Count > 0)?.Inputs[0]
        ?? throw new InvalidDataException($"The ONNX graph has no {opType} node producing '{outputName}'.");

    /// <summary>
    /// A copy of <paramref name="model"/> whose graph has one more output: the float tensor
    /// <paramref name="tensorName"/> of shape <paramref name="dims"/>. Every other byte is kept as it was.
    /// </summary>
    public static byte[] WithFloatOutput(byte[] model, string tensorName, long[] dims)
    {
        var graph = GraphBytes(model, out var start, out var end);
        using var newGraph = new MemoryStream();
        newGraph.Write(graph);
        WriteMessage(newGraph, 12, TensorValueInfo(tensorName, FloatElementType, dims, batchParam: null));
        return WithGraph(model, start, end, newGraph.ToArray());
    }

    /// <summary>
    /// A copy of <paramref name="model"/> whose graph inputs and outputs have the symbolic first dimension
    /// <paramref name="batchParam"/> instead of their fixed one, and no <c>value_info</c> (intermediate shapes that
    /// would pin the batch; ONNX Runtime infers them again). Valid only for graphs without shape-fixing nodes
    /// (Reshape and the like), which the caller checks.
    /// </summary>
    public static byte[] WithDynamicBatch(byte[] model, string batchParam)
    {
        var graph = GraphBytes(model, out var start, out var end);
        using var newGraph = new MemoryStream(graph.Length);
        var input = new CodedInputStream(graph);
        while (true)
        {
            var position = (int)input.Position;
            var tag = input.ReadTag();
            if (tag == 0)
            {
                break;
            }

            var field = WireFormat.GetTagFieldNumber(tag);
            if (field is 11 or 12)
            {
                var (name, elementType, dims) = ReadTensorValueInfo(input.ReadBytes());
                WriteMessage(newGraph, field, TensorValueInfo(name, elementType, dims, batchParam));
                continue;
            }

            input.SkipLastField();
            if (field != 13)
            {
                newGraph.Write(graph, position, (int)input.Position - position);
            }
        }

        return WithGraph(model, start, end, newGraph.ToArray());
    }

    /// <summary>The op types of all nodes of the graph.</summary>
    public static IReadOnlySet<string> OpTypes(byte[] model) => OpTypes(OnnxGraphReader.Read(model));

    /// <summary>As above, on an already read graph.</summary>
    public static IReadOnlySet<string> OpTypes(OnnxGraph graph) =>
        graph.Nodes.Select(n => n.OpType).ToHashSet(StringComparer.Ordinal);

    /// <summary>The values and dims of the FLOAT initializer named <paramref name="name"/>.</summary>
    public static (float[] Values, long[] Dims) FloatInitializer(byte[] model, string name) =>
        OnnxGraphReader.Read(model).Initializers.FirstOrDefault(i => i.Name == name) is { } found
            ? (found.Values, found.Shape)
            : throw new InvalidDataException($"The ONNX graph has no FLOAT initializer named '{name}'.");
}
