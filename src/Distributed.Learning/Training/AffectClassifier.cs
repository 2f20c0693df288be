using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Training;

/// <summary>
/// The text-centric affect classifier: BERT encoder → pooler → dropout → linear head to C classes.
/// forward(input_ids, attention_mask, token_type_ids, each [B,T] int64) → logits [B,C]; image inputs are ignored.
/// State-dict keys: <c>bert.*</c> (Hugging Face names), <c>pooler.*</c>, <c>classifier.weight/bias</c>.
/// The head is initialised as Hugging Face does (normal(0, initializer_range), zero bias). Created in training mode.
/// </summary>
public sealed class AffectClassifier : AffectModel
{
    [TorchSharp.Utils.ComponentName(Name = "bert")]
    private readonly BertModel _encoder;

    [TorchSharp.Utils.ComponentName(Name = "pooler")]
    private readonly nn.Module<Tensor, Tensor, Tensor> _pooler;

    [TorchSharp.Utils.ComponentName(Name = "dropout")]
    private readonly Dropout _dropout;

    [TorchSharp.Utils.ComponentName(Name = "classifier")]
    private readonly Linear _classifier;

    /// <summary>Creates a classifier around a randomly initialised encoder for <paramref name="config"/>.</summary>
    public AffectClassifier(BertConfig config, AffectModelOptions options)
        : this(new BertModel(config), options)
    {
    }

    /// <summary>Creates a classifier around <paramref name="encoder"/> (e.g. MiniLM weights), which it then owns.</summary>
    public AffectClassifier(BertModel encoder, AffectModelOptions options)
        : base(nameof(AffectClassifier), encoder, options)
    {
        var hidden = encoder.Config.HiddenSize;
        _encoder = encoder;
        _pooler = Poolers.Create(options.Pooling, hidden, new TokenSelectionOptions(options.TopK, options.Scorer));
        _dropout = nn.Dropout(options.Dropout);
        _classifier = nn.Linear(hidden, options.Classes);
        using (no_grad())
        {
            nn.init.normal_(_classifier.weight, 0.0, encoder.Config.InitializerRange);
            nn.init.zeros_(_classifier.bias!);
        }

        RegisterComponents();
    }

    /// <summary>Logits [B,C] for token tensors [B,T].</summary>
    public Tensor forward(Tensor inputIds, Tensor attentionMask, Tensor tokenTypeIds)
    {
        using var scope = NewDisposeScope();
        return ForwardWithPooled(inputIds, attentionMask, tokenTypeIds).Logits.MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override BertModel Encoder => _encoder;

    /// <inheritdoc/>
    public override ClassifierOutput ForwardBatch(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return ForwardWithPooled(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds);
    }

    /// <summary>Runs the model and returns logits [B,C] together with the pooled features [B,H] (before dropout).</summary>
    public ClassifierOutput ForwardWithPooled(Tensor inputIds, Tensor attentionMask, Tensor tokenTypeIds)
    {
        using var scope = NewDisposeScope();
        var states = _encoder.forward(inputIds, attentionMask, tokenTypeIds);
        var pooled = _pooler.forward(states, attentionMask);
        var logits = _classifier.forward(_dropout.forward(pooled));
        return new ClassifierOutput(logits.MoveToOuterDisposeScope(), pooled.MoveToOuterDisposeScope());
    }
}
