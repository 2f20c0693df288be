using Distributed.Learning.Encoder;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Encoder;

/// <summary>Shared inputs for Small-config encoder tests.</summary>
internal static class SmallBert
{
    public const int Vocabulary = 100;

    /// <summary>Eval-mode last_hidden_state of a fixed padded batch [2,6].</summary>
    public static float[] Encode(BertModel model)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var ids = tensor(new long[] { 1, 7, 8, 9, 2, 0, 1, 5, 6, 7, 8, 2 }, [2, 6]);
        var mask = tensor(new long[] { 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1 }, [2, 6]);
        var types = tensor(new long[] { 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1 }, [2, 6]);
        return model.forward(ids, mask, types).data<float>().ToArray();
    }

    /// <summary>A detached copy of the model's state dict (the caller disposes it).</summary>
    public static Dictionary<string, Tensor> CopyStateDict(BertModel model) =>
        model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone(), StringComparer.Ordinal);
}
