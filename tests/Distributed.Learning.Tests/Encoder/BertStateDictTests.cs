using Distributed.Learning.Encoder;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Encoder;

public sealed class BertStateDictTests
{
    [Fact]
    public void LoadInto_StateDictOfAnotherModel_ReproducesItsOutputs()
    {
        random.manual_seed(1);
        using var source = new BertModel(BertConfig.Small(SmallBert.Vocabulary));
        using var target = new BertModel(BertConfig.Small(SmallBert.Vocabulary));
        var weights = SmallBert.CopyStateDict(source);

        BertStateDict.LoadInto(target, weights);

        Assert.Equal(SmallBert.Encode(source), SmallBert.Encode(target));
        BertStateDict.DisposeAll(weights);
    }

    [Fact]
    public void LoadInto_WrongShape_ThrowsNamingTensorAndBothShapes()
    {
        using var model = new BertModel(BertConfig.Small(SmallBert.Vocabulary));
        var weights = SmallBert.CopyStateDict(model);
        const string key = "encoder.layer.1.intermediate.dense.weight";
        weights[key] = weights[key].t().contiguous();

        var error = Assert.Throws<InvalidDataException>(() => BertStateDict.LoadInto(model, weights));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("[64,128]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[128,64]", error.Message, StringComparison.Ordinal);
        BertStateDict.DisposeAll(weights);
    }

    [Fact]
    public void LoadInto_MissingTensor_ThrowsNamingTensorAndLeavesModelUnchanged()
    {
        using var model = new BertModel(BertConfig.Small(SmallBert.Vocabulary));
        var before = SmallBert.Encode(model);
        using var other = new BertModel(BertConfig.Small(SmallBert.Vocabulary));
        var weights = SmallBert.CopyStateDict(other);
        const string key = "embeddings.token_type_embeddings.weight";
        weights.Remove(key, out var removed);
        removed!.Dispose();

        var error = Assert.Throws<InvalidDataException>(() => BertStateDict.LoadInto(model, weights));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, SmallBert.Encode(model));
        BertStateDict.DisposeAll(weights);
    }

    [Fact]
    public void LoadInto_UnknownTensor_ThrowsNamingIt()
    {
        using var model = new BertModel(BertConfig.Small(SmallBert.Vocabulary));
        var weights = SmallBert.CopyStateDict(model);
        weights["pooler.dense.weight"] = zeros(64, 64);

        var error = Assert.Throws<InvalidDataException>(() => BertStateDict.LoadInto(model, weights));

        Assert.Contains("pooler.dense.weight", error.Message, StringComparison.Ordinal);
        BertStateDict.DisposeAll(weights);
    }
}
