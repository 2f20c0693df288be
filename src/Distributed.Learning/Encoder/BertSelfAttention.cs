using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Distributed.Learning.Encoder;

/// <summary>HF <c>BertSelfAttention</c> (eager): multi-head scaled dot-product attention with an additive mask.</summary>
internal sealed class BertSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "query")]
    private readonly Linear _query;

    [ComponentName(Name = "key")]
    private readonly Linear _key;

    [ComponentName(Name = "value")]
    private readonly Linear _value;

    [ComponentName(Name = "dropout")]
    private readonly Dropout _dropout;

    private readonly long _heads;
    private readonly long _headSize;

    public BertSelfAttention(BertConfig config)
        : base("self")
    {
        _heads = config.NumAttentionHeads;
        _headSize = config.AttentionHeadSize;
        _query = nn.Linear(config.HiddenSize, config.HiddenSize);
        _key = nn.Linear(config.HiddenSize, config.HiddenSize);
        _value = nn.Linear(config.HiddenSize, config.HiddenSize);
        _dropout = nn.Dropout(config.AttentionProbsDropoutProb);
        RegisterComponents();
    }

    /// <summary>hidden [B,T,H], additive mask [B,1,1,T] (0 = attend, dtype min = masked) → context [B,T,H].</summary>
    public override Tensor forward(Tensor hidden, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        long batch = hidden.shape[0], length = hidden.shape[1];
        Tensor Heads(Tensor x) => x.view(batch, length, _heads, _headSize).transpose(1, 2);

        var query = Heads(_query.forward(hidden));
        var key = Heads(_key.forward(hidden));
        var value = Heads(_value.forward(hidden));
        var scores = query.matmul(key.transpose(-1, -2)).div_(Math.Sqrt(_headSize)).add_(additiveMask);
        var probabilities = _dropout.forward(nn.functional.softmax(scores, -1));
        var context = probabilities.matmul(value).transpose(1, 2).reshape(batch, length, _heads * _headSize);
        return context.MoveToOuterDisposeScope();
    }
}
