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
    /// <summary>Registers the module under <paramref name="name"/>; subclasses call <c>RegisterComponents()</c> last.</summary>
    protected AffectModel(string name, BertModel encoder, AffectModelOptions options)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Encoder = encoder;
        Options = options;
    }

    /// <summary>The options this model was built with.</summary>
    public AffectModelOptions Options { get; }

    /// <summary>The text encoder (owned by this module).</summary>
    public BertModel Encoder { get; }

    /// <summary>Runs the model on <paramref name="batch"/> (its labels are not read); tensors land in the caller's scope.</summary>
    public abstract ClassifierOutput ForwardBatch(TrainingBatch batch);
}
