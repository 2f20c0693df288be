using Distributed.Learning.Fusion;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Fusion;

public sealed class CrossAttentionFusionClassifierTests
{
    [Fact]
    public void ForwardBatch_WithRegions_ReturnsLogitsAndPooledShapes()
    {
        TrainingSeed.Apply(1);
        using var scope = NewDisposeScope();
        using var model = new CrossAttentionFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());

        var output = model.ForwardBatch(FusionBatches.WithImages(1));

        Assert.Equal([FusionBatches.Rows, 2L], output.Logits.shape);
        Assert.Equal([FusionBatches.Rows, 64L], output.Pooled.shape);
    }

    [Fact]
    public void StateDict_UsesHuggingFaceStyleNames()
    {
        using var model = new CrossAttentionFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("bert.encoder.layer.1.output.dense.weight", keys);
        Assert.Contains("image_projection.weight", keys);
        Assert.Contains("region_position_embeddings", keys);
        Assert.Contains("no_image_embedding", keys);
        Assert.Contains("cross_attention.in_proj_weight", keys);
        Assert.Contains("cross_attention_layer_norm.weight", keys);
        Assert.Contains("classifier.weight", keys);
        Assert.All(keys, key => Assert.Matches(
            "^(bert\\.|image_projection\\.|region_position_embeddings$|no_image_embedding$|cross_attention\\.|cross_attention_layer_norm\\.|pooler\\.|classifier\\.)", key));
    }

    [Fact]
    public void Backward_ReachesImageProjectionCrossAttentionAndEncoder()
    {
        TrainingSeed.Apply(2);
        using var model = new CrossAttentionFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());

        var norms = FusionBatches.GradientNorms(model, FusionBatches.WithImages(2));

        Assert.True(norms["image_projection.weight"] > 0);
        Assert.True(norms["region_position_embeddings"] > 0);
        Assert.True(norms["cross_attention.in_proj_weight"] > 0);
        Assert.True(norms["bert.encoder.layer.0.attention.self.query.weight"] > 0);
    }

    [Fact]
    public void ForwardBatch_ImageOfOneRowChanges_OnlyThatRowsPredictionChanges()
    {
        TrainingSeed.Apply(3);
        using var scope = NewDisposeScope();
        using var model = new CrossAttentionFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());
        var batch = FusionBatches.WithImages(3);

        var before = FusionBatches.Logits(model, batch);
        var after = FusionBatches.Logits(model, FusionBatches.ChangeImage(batch, 1, 99));

        Assert.NotEqual(FusionBatches.Row(before, 1), FusionBatches.Row(after, 1));
        Assert.Equal(FusionBatches.Row(before, 0), FusionBatches.Row(after, 0), new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void ForwardBatch_RowWithoutImage_AttendsOnlyToNoImageToken()
    {
        TrainingSeed.Apply(4);
        using var scope = NewDisposeScope();
        using var model = new CrossAttentionFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());
        var batch = FusionBatches.DropImage(FusionBatches.WithImages(4), 2);
        var textOnly = FusionBatches.WithImages(4) with { ImageFeatures = null, ImageRegions = null, HasImageRegions = null };

        var dropped = FusionBatches.Logits(model, batch);
        var refilled = FusionBatches.Logits(model, FusionBatches.ChangeImage(batch, 2, 7));
        var none = FusionBatches.Logits(model, textOnly);

        Assert.Equal(FusionBatches.Row(dropped, 2), FusionBatches.Row(refilled, 2), new ToleranceComparer(1e-6f));
        Assert.Equal(FusionBatches.Row(dropped, 2), FusionBatches.Row(none, 2), new ToleranceComparer(1e-5f));
        Assert.All(none, v => Assert.True(float.IsFinite(v)));
    }
}
