using Distributed.Describing;
using Distributed.Describing.Embedded;

namespace Distributed.Grains.Describing;

/// <summary>Builds the configured backends: the embedded CPU describer, or an OpenAI-compatible client.</summary>
public sealed class DescriberFactory : IDescriberFactory
{
    public IDescriber Create(DescriberEndpointOptions endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Backend switch
        {
            DescriberBackend.Embedded => new EmbeddedDescriber(new EmbeddedDescriberOptions
            {
                MaxConcurrency = endpoint.MaxInFlight > 0 ? endpoint.MaxInFlight : Environment.ProcessorCount,
            }),
            _ => throw new NotSupportedException($"Describer backend {endpoint.Backend} is not wired yet."),
        };
    }
}
