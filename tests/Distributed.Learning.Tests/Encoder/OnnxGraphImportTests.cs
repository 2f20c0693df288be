using Distributed.Learning.Encoder;
using Google.Protobuf;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Encoder;

/// <summary>OnnxBertWeights on a hand-encoded ONNX file: generated MatMul names, both dims and data encodings.</summary>
public sealed class OnnxGraphImportTests : IDisposable
{
    private const string QueryBias = "encoder.layer.0.attention.self.query.bias";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bert-graph-{Guid.NewGuid():N}.onnx");

    [Fact]
    public void ReadStateDict_GeneratedMatMulName_MapsThroughAddBiasAndTransposes()
    {
        var graph = Message(
            (1, Message((1, Str("x")), (1, Str("onnx::MatMul_7")), (2, Str("mm")), (4, Str("MatMul")))),
            (1, Message((1, Str(QueryBias)), (1, Str("mm")), (2, Str("y")), (4, Str("Add")))),
            (5, Tensor("onnx::MatMul_7", [2, 3], packedDims: false, rawData: false, 1, 2, 3, 4, 5, 6)),
            (5, Tensor(QueryBias, [3], packedDims: true, rawData: true, 0.5f, -1f, 2f)),
            (5, Tensor("pooler.dense.bias", [1], packedDims: true, rawData: true, 9f)),
            (5, Message((1, Packed(1)), (2, Varint(7)), (8, Str("shape_constant")))));
        File.WriteAllBytes(_path, Message((1, Varint(8)), (7, graph)));

        var weights = OnnxBertWeights.ReadStateDict(_path);

        Assert.Equal(["encoder.layer.0.attention.self.query.bias", "encoder.layer.0.attention.self.query.weight"],
            weights.Keys.Order(StringComparer.Ordinal));
        var weight = weights["encoder.layer.0.attention.self.query.weight"];
        Assert.Equal(new long[] { 3, 2 }, weight.shape);
        Assert.Equal(new[] { 1f, 4f, 2f, 5f, 3f, 6f }, weight.data<float>().ToArray());
        Assert.Equal(new[] { 0.5f, -1f, 2f }, weights[QueryBias].data<float>().ToArray());
        BertStateDict.DisposeAll(weights);
    }

    [Fact]
    public void ReadStateDict_NoGraph_ThrowsInvalidData()
    {
        File.WriteAllBytes(_path, Message((1, Varint(8))));
        Assert.Throws<InvalidDataException>(() => OnnxBertWeights.ReadStateDict(_path));
    }

    public void Dispose() => File.Delete(_path);

    private static byte[] Tensor(string name, long[] dims, bool packedDims, bool rawData, params float[] values)
    {
        var fields = new List<(int, object)>();
        fields.AddRange(packedDims ? [(1, Packed(dims))] : dims.Select(d => (1, (object)Varint(d))));
        fields.Add((2, Varint(1)));
        fields.Add((8, Str(name)));
        fields.Add(rawData
            ? (9, values.SelectMany(BitConverter.GetBytes).ToArray())
            : (4, values.SelectMany(BitConverter.GetBytes).ToArray()));
        return Message([.. fields]);
    }

    private static byte[] Str(string value) => System.Text.Encoding.UTF8.GetBytes(value);

    private static long Varint(long value) => value;

    private static byte[] Packed(params long[] values)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (var value in values)
        {
            output.WriteInt64(value);
        }

        output.Flush();
        return stream.ToArray();
    }

    /// <summary>Fields: a long is written as a varint, a byte[] as length-delimited.</summary>
    private static byte[] Message(params (int Field, object Value)[] fields)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (var (field, value) in fields)
        {
            if (value is long number)
            {
                output.WriteTag(field, WireFormat.WireType.Varint);
                output.WriteInt64(number);
            }
            else
            {
                output.WriteTag(field, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom((byte[])value));
            }
        }

        output.Flush();
        return stream.ToArray();
    }
}
