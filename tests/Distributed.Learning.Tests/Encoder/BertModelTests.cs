using Distributed.Learning.Encoder;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Encoder;

public sealed class BertModelTests
{
    [Fact]
    public void StateDict_SmallConfig_HasExactlyHuggingFaceKeysAndShapes()
    {
        using var model = new BertModel(BertConfig.Small(100));
        var expected = new List<(string Key, long[] Shape)>
        {
            ("embeddings.word_embeddings.weight", [100, 64]),
            ("embeddings.position_embeddings.weight", [64, 64]),
            ("embeddings.token_type_embeddings.weight", [2, 64]),
            ("embeddings.LayerNorm.weight", [64]),
            ("embeddings.LayerNorm.bias", [64]),
        };
        for (var i = 0; i < 2; i++)
        {
            var p = $"encoder.layer.{i}.";
            foreach (var projection in new[] { "query", "key", "value" })
            {
                expected.Add(($"{p}attention.self.{projection}.weight", [64, 64]));
                expected.Add(($"{p}attention.self.{projection}.bias", [64]));
            }

            expected.Add(($"{p}attention.output.dense.weight", [64, 64]));
            expected.Add(($"{p}attention.output.dense.bias", [64]));
            expected.Add(($"{p}attention.output.LayerNorm.weight", [64]));
            expected.Add(($"{p}attention.output.LayerNorm.bias", [64]));
            expected.Add(($"{p}intermediate.dense.weight", [128, 64]));
            expected.Add(($"{p}intermediate.dense.bias", [128]));
            expected.Add(($"{p}output.dense.weight", [64, 128]));
            expected.Add(($"{p}output.dense.bias", [64]));
            expected.Add(($"{p}output.LayerNorm.weight", [64]));
            expected.Add(($"{p}output.LayerNorm.bias", [64]));
        }

        var actual = model.state_dict().Select(p => (p.Key, p.Value.shape)).ToList();
        Assert.Equal(expected.Select(e => e.Key).Order(StringComparer.Ordinal), actual.Select(a => a.Key).Order(StringComparer.Ordinal));
        foreach (var (key, shape) in expected)
        {
            Assert.Equal(shape, actual.Single(a => a.Key == key).shape);
        }
    }

    [Fact]
    public void Forward_PaddedRow_ReturnsBatchTimeHiddenAndIgnoresPaddedTokens()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        using var model = new BertModel(BertConfig.Small(100));
        model.eval();
        var ids = tensor(new long[] { 1, 7, 8, 9, 2, 0, 1, 5, 6, 7, 8, 2 }, [2, 6]);
        var mask = tensor(new long[] { 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1 }, [2, 6]);
        var types = zeros(2, 6, ScalarType.Int64);
        var otherPadding = ids.clone();
        otherPadding[0, 5] = tensor(55L);

        using var noGrad = no_grad();
        var hidden = model.forward(ids, mask, types);
        var changed = model.forward(otherPadding, mask, types);

        Assert.Equal(new long[] { 2, 6, 64 }, hidden.shape);
        var attendedDiff = (hidden[0, ..5] - changed[0, ..5]).abs().max().item<float>();
        Assert.True(attendedDiff < 1e-6f, $"padded token leaked into attended positions: {attendedDiff}");
    }

    [Fact]
    public void Forward_TrainMode_DropoutActiveAndGradientsReachEmbeddings()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        using var model = new BertModel(BertConfig.Small(50));
        model.train();
        var ids = randint(1, 50, [3, 8]);
        var mask = ones(3, 8, ScalarType.Int64);
        var types = zeros(3, 8, ScalarType.Int64);

        var first = model.forward(ids, mask, types);
        var second = model.forward(ids, mask, types);
        first.pow(2).mean().backward();

        Assert.False(first.allclose(second), "dropout should make two training passes differ");
        var grad = model.get_parameter("embeddings.word_embeddings.weight")!.grad;
        Assert.NotNull(grad);
        Assert.True(grad.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void Constructor_SmallConfig_InitialisesLikeHuggingFace()
    {
        using var model = new BertModel(BertConfig.Small(100));
        var weights = model.state_dict();

        Assert.Equal(0f, weights["embeddings.word_embeddings.weight"][0].abs().sum().item<float>());
        Assert.Equal(1f, weights["encoder.layer.1.output.LayerNorm.weight"].mean().item<float>());
        Assert.Equal(0f, weights["encoder.layer.0.attention.self.query.bias"].abs().sum().item<float>());
        var std = weights["encoder.layer.0.intermediate.dense.weight"].std().item<float>();
        Assert.InRange(std, 0.018f, 0.022f);
    }

    [Fact]
    public void Forward_SequenceLongerThanPositions_ThrowsArgumentException()
    {
        using var scope = NewDisposeScope();
        using var model = new BertModel(BertConfig.Small(10));
        var ids = zeros(1, 65, ScalarType.Int64);
        Assert.Throws<ArgumentException>(() => model.forward(ids, ones(1, 65), ids));
    }

    [Fact]
    public void Forward_MaskShapeDiffersFromIds_ThrowsArgumentException()
    {
        using var scope = NewDisposeScope();
        using var model = new BertModel(BertConfig.Small(10));
        var ids = zeros(2, 5, ScalarType.Int64);
        Assert.Throws<ArgumentException>(() => model.forward(ids, ones(2, 4), ids));
    }
}
