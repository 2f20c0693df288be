using Distributed.Abstractions.Describing;
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
            DescriberBackend.Embedded => new EmbeddedDescriber(EmbeddedOptions(endpoint)),
            DescriberBackend.OpenAi => new OpenAiDescriber(
                new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
                OpenAiOptions(endpoint),
                new DescriptionPromptAdapter(),
                loggers.CreateLogger<OpenAiDescriber>()),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint.Backend, "unknown describer backend"),
        };
    }

    /// <summary>
    /// The identity (describer id, prompt version, whether the post is part of the key) the backend built by
    /// <see cref="Create"/> for <paramref name="endpoint"/> has, without building it: what training uses to find the
    /// descriptions a caption job stored.
    /// </summary>
    public static DescriberIdentity IdentityOf(DescriberEndpointOptions endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Backend switch
        {
            DescriberBackend.Embedded => EmbeddedDescriber.IdentityFor(EmbeddedOptions(endpoint)),
            DescriberBackend.OpenAi => OpenAiDescriber.IdentityFor(OpenAiOptions(endpoint), new DescriptionPromptAdapter()),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint.Backend, "unknown describer backend"),
        };
    }

    private static EmbeddedDescriberOptions EmbeddedOptions(DescriberEndpointOptions endpoint) => new()
    {
        MaxConcurrency = endpoint.MaxInFlight > 0 ? endpoint.MaxInFlight : Environment.ProcessorCount,
    };

    private static OpenAiDescriberOptions OpenAiOptions(DescriberEndpointOptions endpoint) => new()
    {
        Endpoint = new Uri(endpoint.Endpoint!),
        Model = endpoint.Model!,
        ModelRevision = endpoint.ModelRevision,
        ApiKeyEnvironmentVariable = endpoint.ApiKeyEnvironmentVariable,
        Timeout = TimeSpan.FromSeconds(endpoint.TimeoutSeconds),
        MaxTokens = endpoint.MaxTokens,
        MaxRetries = endpoint.MaxRetries,
    };
}
