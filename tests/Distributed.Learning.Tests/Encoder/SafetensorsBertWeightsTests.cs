using System.Buffers.Binary;
using System.Text;
using Distributed.Learning.Encoder;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Encoder;

public sealed class SafetensorsBertWeightsTests : IDisposable
{
    private const string SmallConfigJson = """
        {"architectures": ["BertForSequenceClassification"], "hidden_act": "gelu", "vocab_size": 100,
         "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 128,
         "max_position_embeddings": 64, "type_vocab_size": 2, "layer_norm_eps": 1e-12, "pad_token_id": 0}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("bert-safetensors-").FullName;

    [Fact]
    public void Load_FolderWithPrefixedKeysPoolerAndHead_ReproducesSourceOutputs()
    {
        random.manual_seed(9);
        using var source = new BertModel(BertConfig.Small(SmallBert.Vocabulary));
        var weights = SmallBert.CopyStateDict(source).ToDictionary(p => "bert." + p.Key, p => p.Value, StringComparer.Ordinal);
        weights["bert.pooler.dense.weight"] = randn(64, 64);
        weights["classifier.weight"] = randn(3, 64);
        File.WriteAllText(Path.Combine(_folder, SafetensorsBertWeights.ConfigFileName), SmallConfigJson);
        SafetensorsFile.Write(Path.Combine(_folder, SafetensorsBertWeights.WeightsFileName), weights);

        using var loaded = SafetensorsBertWeights.Load(_folder);

        Assert.Equal(BertConfig.Small(SmallBert.Vocabulary), loaded.Config);
        Assert.Equal(SmallBert.Encode(source), SmallBert.Encode(loaded));
        BertStateDict.DisposeAll(weights);
    }

    [Fact]
    public void ReadFloatTensors_F16AndBf16_ConvertToFloat32AndSkipIntegers()
    {
        var path = Path.Combine(_folder, "mixed.safetensors");
        var half = new[] { BitConverter.HalfToUInt16Bits((Half)1.5f), BitConverter.HalfToUInt16Bits((Half)(-2f)) };
        var brain = new[] { (ushort)(BitConverter.SingleToInt32Bits(0.25f) >> 16), (ushort)(BitConverter.SingleToInt32Bits(-8f) >> 16) };
        var data = new byte[4 + 4 + 8];
        for (var i = 0; i < 2; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2 * i), half[i]);
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4 + (2 * i)), brain[i]);
        }

        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(8), 42);
        var header = Encoding.UTF8.GetBytes("""
            {"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"b":{"dtype":"BF16","shape":[1,2],"data_offsets":[4,8]},
             "embeddings.position_ids":{"dtype":"I64","shape":[1],"data_offsets":[8,16]},"__metadata__":{"format":"pt"}}
            """);
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        File.WriteAllBytes(path, [.. length, .. header, .. data]);

        var tensors = SafetensorsFile.ReadFloatTensors(path);

        Assert.Equal(["b", "h"], tensors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { 1.5f, -2f }, tensors["h"].data<float>().ToArray());
        Assert.Equal(new long[] { 1, 2 }, tensors["b"].shape);
        Assert.Equal(new[] { 0.25f, -8f }, tensors["b"].data<float>().ToArray());
        BertStateDict.DisposeAll(tensors);
    }

    [Fact]
    public void ReadFloatTensors_TruncatedData_ThrowsInvalidDataNamingTensor()
    {
        var path = Path.Combine(_folder, "truncated.safetensors");
        using (var weights = new DisposableWeights(new() { ["encoder.x"] = ones(4, 4) }))
        {
            SafetensorsFile.Write(path, weights.Tensors);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^8]);

        var error = Assert.Throws<InvalidDataException>(() => SafetensorsFile.ReadFloatTensors(path));
        Assert.Contains("encoder.x", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class DisposableWeights(Dictionary<string, Tensor> tensors) : IDisposable
    {
        public Dictionary<string, Tensor> Tensors { get; } = tensors;

        public void Dispose() => BertStateDict.DisposeAll(Tensors);
    }
}
