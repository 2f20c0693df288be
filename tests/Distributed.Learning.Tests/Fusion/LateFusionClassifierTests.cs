using Distributed.Learning.Fusion;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Fusion;

public sealed class LateFusionClassifierTests
{
    [Fact]
    public void ForwardBatch_WithImages_ReturnsLogitsAndTextPooledShapes()
    {
        TrainingSeed.Apply(1);
        using var scope = NewDisposeScope();
        using var model = new LateFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());

        var output = model.ForwardBatch(FusionBatches.WithImages(1));
        var sides = model.EmbedModalities(FusionBatches.WithImages(1));

        Assert.Equal([FusionBatches.Rows, 2L], output.Logits.shape);
        Assert.Equal([FusionBatches.Rows, 64L], output.Pooled.shape);
        Assert.Equal([FusionBatches.Rows, 64L], sides.Text.shape);
        Assert.Equal([FusionBatches.Rows, 64L], sides.Image.shape);
    }

    [Fact]
    public void StateDict_UsesHuggingFaceStyleNames()
    {
        using var model = new LateFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("bert.embeddings.word_embeddings.weight", keys);
        Assert.Contains("image_projection.weight", keys);
        Assert.Contains("no_image_embedding", keys);
        Assert.Contains("fusion_dense.weight", keys);
        Assert.Contains("classifier.bias", keys);
        Assert.All(keys, key => Assert.Matches("^(bert\\.|pooler\\.|image_projection\\.|no_image_embedding$|fusion_dense\\.|classifier\\.)", key));
    }

    [Fact]
    public void Backward_ReachesImageProjectionAndEncoder()
    {
        TrainingSeed.Apply(2);
        using var model = new LateFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());

        var norms = FusionBatches.GradientNorms(model, FusionBatches.WithImages(2));

        Assert.True(norms["image_projection.weight"] > 0);
        Assert.True(norms["bert.encoder.layer.0.attention.self.query.weight"] > 0);
        Assert.True(norms["fusion_dense.weight"] > 0);
    }

    [Fact]
    public void ForwardBatch_ImageOfOneRowChanges_OnlyThatRowsPredictionChanges()
    {
        TrainingSeed.Apply(3);
        using var scope = NewDisposeScope();
        using var model = new LateFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());
        var batch = FusionBatches.WithImages(3);

        var before = FusionBatches.Logits(model, batch);
        var after = FusionBatches.Logits(model, FusionBatches.ChangeImage(batch, 1, 99));

        Assert.NotEqual(FusionBatches.Row(before, 1), FusionBatches.Row(after, 1));
        Assert.Equal(FusionBatches.Row(before, 0), FusionBatches.Row(after, 0));
    }

    [Fact]
    public void ForwardBatch_RowWithoutImage_UsesNoImageEmbeddingWhateverTheFill()
    {
        TrainingSeed.Apply(4);
        using var scope = NewDisposeScope();
        using var model = new LateFusionClassifier(FusionBatches.Encoder(), FusionBatches.Options());
        var batch = FusionBatches.DropImage(FusionBatches.WithImages(4), 2);
        var textOnly = FusionBatches.WithImages(4) with { ImageFeatures = null, ImageRegions = null, HasImageFeatures = null };

        var dropped = FusionBatches.Logits(model, batch);
        var refilled = FusionBatches.Logits(model, FusionBatches.ChangeImage(batch, 2, 7));
        var none = FusionBatches.Logits(model, textOnly);

        Assert.Equal(FusionBatches.Row(dropped, 2), FusionBatches.Row(refilled, 2));
        Assert.Equal(FusionBatches.Row(dropped, 2), FusionBatches.Row(none, 2), new ToleranceComparer(1e-6f));
        Assert.All(none, v => Assert.True(float.IsFinite(v)));
    }
}
