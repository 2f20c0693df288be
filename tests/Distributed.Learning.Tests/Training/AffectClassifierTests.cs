using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training;

public sealed class AffectClassifierTests
{
    [Theory]
    [InlineData(PoolingKind.TokenSelection)]
    [InlineData(PoolingKind.Cls)]
    [InlineData(PoolingKind.MaskedMean)]
    public void ForwardWithPooled_AnyPooling_ReturnsLogitsAndPooledShapes(PoolingKind pooling)
    {
        using var scope = NewDisposeScope();
        using var model = SyntheticAffect.Model(pooling: pooling);
        var batch = SyntheticAffect.Batch(new Random(1));

        var output = model.ForwardWithPooled(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds);

        Assert.Equal([SyntheticAffect.BatchSize, 2L], output.Logits.shape);
        Assert.Equal([SyntheticAffect.BatchSize, 64L], output.Pooled.shape);
    }

    [Fact]
    public void Forward_EvalMode_EqualsLogitsOfForwardWithPooled()
    {
        using var scope = NewDisposeScope();
        using var model = SyntheticAffect.Model();
        model.eval();
        var batch = SyntheticAffect.Batch(new Random(2));

        var logits = model.forward(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds);
        var output = model.ForwardWithPooled(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds);

        Assert.Equal(logits.data<float>().ToArray(), output.Logits.data<float>().ToArray());
    }

    [Fact]
    public void StateDict_Keys_UseHuggingFaceEncoderAndHeadNames()
    {
        using var model = SyntheticAffect.Model();
        var keys = model.state_dict().Keys;

        Assert.Contains("bert.embeddings.word_embeddings.weight", keys);
        Assert.Contains("bert.encoder.layer.1.output.dense.weight", keys);
        Assert.Contains("classifier.weight", keys);
        Assert.Contains("classifier.bias", keys);
        Assert.Contains(keys, key => key.StartsWith("pooler.", StringComparison.Ordinal));
        Assert.All(keys, key => Assert.Matches("^(bert|pooler|classifier)\\.", key));
    }

    [Fact]
    public void Constructor_OneClass_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AffectClassifier(BertConfig.Small(), new AffectModelOptions(1)));
    }
}
