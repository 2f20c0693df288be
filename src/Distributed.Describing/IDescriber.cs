using Distributed.Abstractions.Describing;

namespace Distributed.Describing;

/// <summary>
/// A describer backend: the OpenAI-compatible client (vLLM, SGLang, Ollama, llama.cpp) or the embedded CPU
/// describer. One call describes one image. Expected failures come back as <see cref="DescribeOutcome"/> values
/// (Permanent or Transient); only cancellation throws.
/// </summary>
public interface IDescriber
{
    DescriberIdentity Identity { get; }

    Task<DescribeOutcome> DescribeAsync(DescribeRequest request, CancellationToken cancellationToken);
}
