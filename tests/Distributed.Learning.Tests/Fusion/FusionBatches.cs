using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Tests.Training;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Fusion;

/// <summary>Small-profile encoders and synthetic batches with seeded random image inputs.</summary>
internal static class FusionBatches
{
    public const int Rows = 4;

    public static BertModel Encoder() => new(BertConfig.Small(SyntheticAffect.Vocabulary));

    public static AffectModelOptions Options() => new(2, PoolingKind.MaskedMean, Dropout: 0.1);

    /// <summary>A text batch with random features for every row (present = 1), in the caller's scope.</summary>
    public static TrainingBatch WithImages(int seed)
    {
        var text = SyntheticAffect.Batch(new Random(seed), Rows);
        var generator = new TorchSharp.torch.Generator((ulong)seed);
        return text with
        {
            ImageFeatures = rand([Rows, ImageInputs.FeatureSize], generator: generator),
            ImageRegions = rand([Rows, ImageInputs.RegionCount, ImageInputs.FeatureSize], generator: generator),
            HasImageFeatures = ones(Rows),
            HasImageRegions = ones(Rows),
        };
    }

    /// <summary><paramref name="batch"/> with row <paramref name="row"/>'s image inputs replaced by fresh random values.</summary>
    public static TrainingBatch ChangeImage(TrainingBatch batch, int row, int seed)
    {
        var generator = new TorchSharp.torch.Generator((ulong)seed);
        var features = batch.ImageFeatures!.clone();
        var regions = batch.ImageRegions!.clone();
        features[row].copy_(rand([ImageInputs.FeatureSize], generator: generator) * 3);
        regions[row].copy_(rand([ImageInputs.RegionCount, ImageInputs.FeatureSize], generator: generator) * 3);
        return batch with { ImageFeatures = features, ImageRegions = regions };
    }

    /// <summary><paramref name="batch"/> with row <paramref name="row"/> marked as having no image.</summary>
    public static TrainingBatch DropImage(TrainingBatch batch, int row)
    {
        var features = batch.HasImageFeatures!.clone();
        var regions = batch.HasImageRegions!.clone();
        features[row].fill_(0);
        regions[row].fill_(0);
        return batch with { HasImageFeatures = features, HasImageRegions = regions };
    }

    /// <summary>Eval-mode logits of <paramref name="model"/> without gradient.</summary>
    public static float[] Logits(AffectModel model, TrainingBatch batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        return model.ForwardBatch(batch).Logits.data<float>().ToArray();
    }

    /// <summary>Backpropagates cross-entropy + uniformity and returns the gradient L2 norm of each named parameter.</summary>
    public static Dictionary<string, double> GradientNorms(AffectModel model, TrainingBatch batch)
    {
        using var scope = NewDisposeScope();
        model.train();
        var output = model.ForwardBatch(batch);
        new AffectObjective().Compute(output.Logits, batch.Labels, output.Pooled).Total.backward();
        return model.named_parameters().ToDictionary(
            p => p.name, p => p.parameter.grad is { } g ? g.norm().item<float>() : 0.0, StringComparer.Ordinal);
    }

    /// <summary>Row <paramref name="row"/> of flat [Rows,2] logits.</summary>
    public static float[] Row(float[] logits, int row) => logits[(row * 2)..((row + 1) * 2)];
}
