using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Training;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Distributed.Learning.Fusion;

/// <summary>
/// Late-fusion baseline: pooled text features (the <see cref="AffectModelOptions.Pooling"/> pooler over the BERT
/// states; the experiment uses masked mean) concatenated with the batch's pooled image features (512, from an
/// independently pretrained ResNet18) projected by <c>image_projection</c> Linear(512→H), then the head
/// Linear(2H→H) (<c>fusion_dense</c>), GELU, dropout, Linear(H→C) (<c>classifier</c>). <see cref="ClassifierOutput.Pooled"/>
/// is the text vector. A row without image features (or a batch without any) uses the learned
/// <c>no_image_embedding</c> [H] in place of its projected image, so text-only rows are explicit, not zero images.
/// </summary>
public sealed class LateFusionClassifier : AffectModel
{
    [ComponentName(Name = "bert")]
    private readonly BertModel _encoder;

    [ComponentName(Name = "pooler")]
    private readonly nn.Module<Tensor, Tensor, Tensor> _pooler;

    [ComponentName(Name = "image_projection")]
    private readonly Linear _imageProjection;

    [ComponentName(Name = "no_image_embedding")]
    private readonly Parameter _noImage;

    [ComponentName(Name = "fusion_dense")]
    private readonly Linear _fusionDense;

    [ComponentName(Name = "activation")]
    private readonly GELU _activation;

    [ComponentName(Name = "dropout")]
    private readonly Dropout _dropout;

    [ComponentName(Name = "classifier")]
    private readonly Linear _classifier;

    /// <summary>Creates the model around <paramref name="encoder"/>, which it then owns.</summary>
    public LateFusionClassifier(BertModel encoder, AffectModelOptions options)
        : base(nameof(LateFusionClassifier), encoder, options)
    {
        var hidden = encoder.Config.HiddenSize;
        _encoder = encoder;
        _pooler = Poolers.Create(options.Pooling, hidden, new TokenSelectionOptions(options.TopK, options.Scorer));
        _imageProjection = nn.Linear(ImageInputs.FeatureSize, hidden);
        _noImage = FusionInit.Embedding(encoder.Config, hidden);
        _fusionDense = nn.Linear(2 * hidden, hidden);
        _activation = nn.GELU();
        _dropout = nn.Dropout(options.Dropout);
        _classifier = nn.Linear(hidden, options.Classes);
        FusionInit.Linear(encoder.Config, _imageProjection, _fusionDense, _classifier);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override BertModel Encoder => _encoder;

    /// <inheritdoc/>
    public override ClassifierOutput ForwardBatch(TrainingBatch batch)
    {
        using var scope = NewDisposeScope();
        var sides = EmbedModalities(batch);
        var fused = cat([sides.Text, sides.Image], 1);
        var hidden = _dropout.forward(_activation.forward(_fusionDense.forward(fused)));
        var logits = _classifier.forward(hidden);
        return new ClassifierOutput(logits.MoveToOuterDisposeScope(), sides.Text.MoveToOuterDisposeScope());
    }

    /// <summary>The pooled text embedding and the projected image embedding [B,H] each, before fusion.</summary>
    public ModalityEmbeddings EmbedModalities(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = NewDisposeScope();
        var states = _encoder.forward(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds);
        var text = _pooler.forward(states, batch.AttentionMask);
        var rows = text.shape[0];
        var absent = _noImage.unsqueeze(0).expand(rows, -1);
        Tensor image;
        if (batch.ImageFeatures is null)
        {
            image = absent;
        }
        else
        {
            var present = FusionInit.Presence(batch.HasImageFeatures, rows, text);
            image = present * _imageProjection.forward(batch.ImageFeatures) + (1 - present) * absent;
        }

        return new ModalityEmbeddings(text.MoveToOuterDisposeScope(), image.MoveToOuterDisposeScope());
    }
}
