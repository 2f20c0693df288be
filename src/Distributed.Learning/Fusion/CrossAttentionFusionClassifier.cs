using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Training;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Distributed.Learning.Fusion;

/// <summary>
/// Cross-attention fusion baseline: the 49 region features of a ResNet18 7×7×512 map are projected by
/// <c>image_projection</c> Linear(512→H) plus a learned <c>region_position_embeddings</c> [49,H]; the BERT token
/// states attend to them (<c>cross_attention</c>, nn.MultiheadAttention with the encoder's head count), then
/// residual + <c>cross_attention_layer_norm</c>, the <see cref="AffectModelOptions.Pooling"/> pooler (the experiment
/// uses masked mean), dropout and <c>classifier</c> Linear(H→C). <see cref="ClassifierOutput.Pooled"/> is the pooled
/// fused state.
/// </summary>
/// <remarks>
/// Missing images: a learned <c>no_image_embedding</c> [H] is always key/value 0, in front of the 49 region tokens.
/// For a row without regions (or a batch without any) the region keys are masked out by the key padding mask, so
/// its tokens attend only to the "no image" token (never to zero-filled regions, and never to an empty key set).
/// </remarks>
public sealed class CrossAttentionFusionClassifier : AffectModel
{
    [ComponentName(Name = "bert")]
    private readonly BertModel _encoder;

    [ComponentName(Name = "image_projection")]
    private readonly Linear _imageProjection;

    [ComponentName(Name = "region_position_embeddings")]
    private readonly Parameter _regionPositions;

    [ComponentName(Name = "no_image_embedding")]
    private readonly Parameter _noImage;

    [ComponentName(Name = "cross_attention")]
    private readonly MultiheadAttention _crossAttention;

    [ComponentName(Name = "cross_attention_layer_norm")]
    private readonly LayerNorm _layerNorm;

    [ComponentName(Name = "pooler")]
    private readonly nn.Module<Tensor, Tensor, Tensor> _pooler;

    [ComponentName(Name = "dropout")]
    private readonly Dropout _dropout;

    [ComponentName(Name = "classifier")]
    private readonly Linear _classifier;

    /// <summary>Creates the model around <paramref name="encoder"/>, which it then owns.</summary>
    public CrossAttentionFusionClassifier(BertModel encoder, AffectModelOptions options)
        : base(nameof(CrossAttentionFusionClassifier), encoder, options)
    {
        var config = encoder.Config;
        var hidden = config.HiddenSize;
        _encoder = encoder;
        _imageProjection = nn.Linear(ImageInputs.FeatureSize, hidden);
        _regionPositions = FusionInit.Embedding(config, ImageInputs.RegionCount, hidden);
        _noImage = FusionInit.Embedding(config, hidden);
        _crossAttention = nn.MultiheadAttention(hidden, config.NumAttentionHeads, config.AttentionProbsDropoutProb);
        _layerNorm = nn.LayerNorm(hidden, config.LayerNormEps);
        _pooler = Poolers.Create(options.Pooling, hidden, new TokenSelectionOptions(options.TopK, options.Scorer));
        _dropout = nn.Dropout(options.Dropout);
        _classifier = nn.Linear(hidden, options.Classes);
        FusionInit.Linear(config, _imageProjection, _classifier);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override BertModel Encoder => _encoder;

    /// <inheritdoc/>
    public override ClassifierOutput ForwardBatch(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = NewDisposeScope();
        var states = _encoder.forward(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds);
        var (keys, ignored) = ImageKeys(batch, states);

        // nn.MultiheadAttention is sequence-first: [T,B,H] queries against [K,B,H] keys and values.
        var (attended, _) = _crossAttention.forward(
            states.transpose(0, 1), keys.transpose(0, 1), keys.transpose(0, 1), ignored, true, null);
        var fused = _layerNorm.forward(states + _dropout.forward(attended.transpose(0, 1)));
        var pooled = _pooler.forward(fused, batch.AttentionMask);
        var logits = _classifier.forward(_dropout.forward(pooled));
        return new ClassifierOutput(logits.MoveToOuterDisposeScope(), pooled.MoveToOuterDisposeScope());
    }

    /// <summary>Keys [B,1+49,H] ("no image" token first) and the key padding mask [B,1+49] (true = ignored), or the lone "no image" key.</summary>
    private (Tensor Keys, Tensor? Ignored) ImageKeys(TrainingBatch batch, Tensor states)
    {
        var rows = states.shape[0];
        var hidden = states.shape[2];
        var absent = _noImage.view(1, 1, hidden).expand(rows, 1, hidden);
        if (batch.ImageRegions is null)
        {
            return (absent, null);
        }

        var regions = _imageProjection.forward(batch.ImageRegions) + _regionPositions.unsqueeze(0);
        var missing = FusionInit.Presence(batch.HasImageRegions, rows, states).eq(0);
        var ignored = cat([zeros(rows, 1, ScalarType.Bool, states.device), missing.expand(rows, ImageInputs.RegionCount)], 1);
        return (cat([absent, regions], 1), ignored);
    }
}
