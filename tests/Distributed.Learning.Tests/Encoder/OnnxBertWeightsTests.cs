using Distributed.Learning.Encoder;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Encoder;

public sealed class OnnxBertWeightsTests(MiniLMFixture fixture, ITestOutputHelper output) : IClassFixture<MiniLMFixture>
{
    private const int Batch = 2;
    private const int Length = 12;

    [Fact]
    public void ReadStateDict_MiniLM_CoversEveryModelKeyWithItsShape()
    {
        using var reference = new BertModel(BertConfig.MiniLM);
        var expected = reference.state_dict();

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), fixture.StateDict.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, tensor) in expected)
        {
            Assert.True(tensor.shape.SequenceEqual(fixture.StateDict[key].shape), key);
        }

        output.WriteLine($"read {fixture.ReadMilliseconds} ms, import {fixture.ImportMilliseconds} ms, {fixture.StateDict.Count} tensors");
    }

    [Fact]
    public void Forward_ImportedMiniLM_MatchesOnnxRuntimeWithin1e4()
    {
        var ids = new long[Batch * Length];
        var mask = new long[Batch * Length];
        var types = new long[Batch * Length];
        var random = new Random(11);
        for (var i = 0; i < ids.Length; i++)
        {
            var (row, position) = (i / Length, i % Length);
            var real = row == 0 || position < 7;
            ids[i] = position == 0 ? 101 : real ? random.Next(1000, 30000) : 0;
            mask[i] = real ? 1 : 0;
            types[i] = real && position >= 5 ? 1 : 0;
        }

        var expected = RunOnnx(ids, mask, types);
        float[] actual;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            var hidden = fixture.Model.forward(
                tensor(ids, [Batch, Length]), tensor(mask, [Batch, Length]), tensor(types, [Batch, Length]));
            Assert.Equal(new long[] { Batch, Length, 384 }, hidden.shape);
            actual = hidden.data<float>().ToArray();
        }

        double maxMasked = 0, maxAll = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var diff = Math.Abs(actual[i] - expected[i]);
            maxAll = Math.Max(maxAll, diff);
            if (mask[i / 384] == 1)
            {
                maxMasked = Math.Max(maxMasked, diff);
            }
        }

        output.WriteLine($"max |TorchSharp - ONNX Runtime|: {maxMasked:E3} over attended positions, {maxAll:E3} over all positions");
        Assert.True(maxMasked <= 1e-4, $"max abs diff {maxMasked}");
    }

    [Fact]
    public void LoadInto_TamperedMiniLMWeight_ThrowsNamingTensorAndBothShapes()
    {
        const string key = "encoder.layer.3.intermediate.dense.weight";
        var tampered = new Dictionary<string, Tensor>(fixture.StateDict, StringComparer.Ordinal);
        using var transposed = tampered[key].t();
        tampered[key] = transposed;
        using var model = new BertModel(BertConfig.MiniLM);

        var error = Assert.Throws<InvalidDataException>(() => BertStateDict.LoadInto(model, tampered));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("[384,1536]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[1536,384]", error.Message, StringComparison.Ordinal);
        output.WriteLine(error.Message);
    }

    private float[] RunOnnx(long[] ids, long[] mask, long[] types)
    {
        using var session = new InferenceSession(fixture.OnnxBytes);
        long[] shape = [Batch, Length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(
            runOptions,
            ["input_ids", "attention_mask", "token_type_ids"],
            [idsValue, maskValue, typesValue],
            ["last_hidden_state"]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
