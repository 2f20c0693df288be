using Distributed.Learning.Encoder;
using static TorchSharp.torch;

namespace Distributed.Learning.Training;

/// <summary>
/// Any affect model the step, the loop, the evaluator and the checkpoints can train: a BERT encoder plus whatever
/// reads its token states (and, for the fusion baselines, the batch's image features) into class logits.
/// <see cref="ForwardBatch"/> returns the logits [B,C] with the pooled features [B,H] the uniformity term regularises.
/// </summary>
public abstract class AffectModel : nn.Module
{
    /// <summary>Checks <paramref name="encoder"/> and <paramref name="options"/>; subclasses keep the encoder in a <c>bert</c> field and call <c>RegisterComponents()</c> last.</summary>
    protected AffectModel(string name, BertModel encoder, AffectModelOptions options)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The options this model was built with.</summary>
    public AffectModelOptions Options { get; }

    /// <summary>
    /// The text encoder (owned by this module). Abstract so that the subclass's registered <c>bert</c> field is the
    /// only reference TorchSharp's <c>RegisterComponents</c> sees (a base-class field would register it twice).
    /// </summary>
    public abstract BertModel Encoder { get; }

    /// <summary>Runs the model on <paramref name="batch"/> (its labels are not read); tensors land in the caller's scope.</summary>
    public abstract ClassifierOutput ForwardBatch(TrainingBatch batch);
}
