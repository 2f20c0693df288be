using TorchSharp;

namespace Distributed.Learning.Objectives;

/// <summary>The result of one token selection, for diagnostics.</summary>
/// <param name="Pooled">Pooled features [B,H].</param>
/// <param name="Indices">Selected token positions [B,k] (int64), k = min(TopK, T), best score first.</param>
/// <param name="Weights">Pooling weights [B,k]; 0 where a row has fewer than k real tokens and the slot holds padding.</param>
public sealed record TokenSelection(torch.Tensor Pooled, torch.Tensor Indices, torch.Tensor Weights);
