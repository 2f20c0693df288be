using TorchSharp;

namespace Distributed.Learning.Fusion;

/// <summary>A fusion model's two sides before they meet, for alignment diagnostics.</summary>
/// <param name="Text">Text-side embedding [B,H] (the pooled text features).</param>
/// <param name="Image">Projected image embedding [B,H] (the learned "no image" embedding for rows without one).</param>
public sealed record ModalityEmbeddings(torch.Tensor Text, torch.Tensor Image);
