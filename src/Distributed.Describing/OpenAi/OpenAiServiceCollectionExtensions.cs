using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Distributed.Describing.OpenAi;

/// <summary>Registers the OpenAI-compatible describer with a named <see cref="HttpClient"/> from the factory.</summary>
public static class OpenAiServiceCollectionExtensions
{
    /// <summary>The name of the describer's <see cref="HttpClient"/>: <c>Distributed.OpenAiDescriber</c>.</summary>
    public const string HttpClientName = "Distributed.OpenAiDescriber";

    /// <summary>
    /// Adds <see cref="OpenAiDescriber"/> as a singleton, with <see cref="DescriptionPromptAdapter"/> over the default prompt
    /// unless an <see cref="IDescriptionPrompt"/> is registered. Does not register <see cref="IDescriber"/> (the host
    /// picks the backend). The client has no overall timeout (each attempt
    /// has <see cref="OpenAiDescriberOptions.Timeout"/>) and recycles connections every 5 minutes to follow DNS. Invalid
    /// options throw <see cref="ArgumentException"/> (naming every problem) when the describer is first resolved.
    /// </summary>
    public static IServiceCollection AddOpenAiDescriber(this IServiceCollection services, Action<OpenAiDescriberOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OpenAiDescriberOptions>().Configure(configure);
        services.TryAddSingleton<IDescriptionPrompt, DescriptionPromptAdapter>();
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(provider => new OpenAiDescriber(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<OpenAiDescriberOptions>>().Value,
            provider.GetRequiredService<IDescriptionPrompt>(),
            provider.GetRequiredService<ILogger<OpenAiDescriber>>()));
        return services;
    }
}
