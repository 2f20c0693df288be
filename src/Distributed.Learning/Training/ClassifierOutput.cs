using TorchSharp;

namespace Distributed.Learning.Training;

/// <summary>What the objective needs from one forward pass.</summary>
/// <param name="Logits">Class scores [B,C].</param>
/// <param name="Pooled">Pooled features [B,H] before dropout (the uniformity term's input).</param>
public sealed record ClassifierOutput(torch.Tensor Logits, torch.Tensor Pooled);
