using Distributed.Describing;
using Distributed.Describing.Embedded;
using Distributed.Describing.OpenAi;
using Microsoft.Extensions.Logging;

namespace Distributed.Grains.Describing;

/// <summary>Builds the configured backends: the embedded CPU describer, or an OpenAI-compatible client.</summary>
public sealed class DescriberFactory(ILoggerFactory loggers) : IDescriberFactory
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
            DescriberBackend.OpenAi => new OpenAiDescriber(
                new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
                new OpenAiDescriberOptions
                {
                    Endpoint = new Uri(endpoint.Endpoint!),
                    Model = endpoint.Model!,
                    ModelRevision = endpoint.ModelRevision,
                    ApiKeyEnvironmentVariable = endpoint.ApiKeyEnvironmentVariable,
                    Timeout = TimeSpan.FromSeconds(endpoint.TimeoutSeconds),
                    MaxTokens = endpoint.MaxTokens,
                    MaxRetries = endpoint.MaxRetries,
                },
                new DescriptionPromptAdapter(),
                loggers.CreateLogger<OpenAiDescriber>()),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint.Backend, "unknown describer backend"),
        };
    }
}
