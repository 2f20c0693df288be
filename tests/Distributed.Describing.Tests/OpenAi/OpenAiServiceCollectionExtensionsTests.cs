using Distributed.Abstractions.Describing;
using Distributed.Describing.OpenAi;
using Distributed.Describing.Prompt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Distributed.Describing.Tests.OpenAi.DescriberHarness;

namespace Distributed.Describing.Tests.OpenAi;

public sealed class OpenAiServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddOpenAiDescriber_TraceLoggingWithCanaryKey_KeySentButInNoLogLine()
    {
        var canary = "sk-canary-" + Guid.NewGuid().ToString("N");
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Error(429, retryAfter: "0"), ScriptedReply.Completion());
        var logs = new CapturingLoggerProvider();
        await using var provider = new ServiceCollection()
            .AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddSingleton<IDescriptionPrompt, TestPrompt>()
            .AddOpenAiDescriber(options =>
            {
                var defaults = Options(server.Endpoint);
                (options.Endpoint, options.Model, options.ApiKey) = (defaults.Endpoint, defaults.Model, canary);
                (options.RetryBaseDelay, options.MaxRetryDelay) = (defaults.RetryBaseDelay, defaults.MaxRetryDelay);
            })
            .BuildServiceProvider();

        var outcome = await provider.GetRequiredService<OpenAiDescriber>().DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(FailureKind.None, outcome.Failure);
        Assert.Equal(2, server.Calls);
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {canary}", r.Authorization));
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)
            && e.Text.Contains("Authorization", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == typeof(OpenAiDescriber).FullName);
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(canary, StringComparison.Ordinal));
    }

    /// <summary>
    /// A 401 whose body echoes the rejected key (as some proxies do): the request logs of the HTTP client and of the
    /// describer are written at Debug/Trace, and the canary is in none of them, nor in the error message or the raw body
    /// kept for the failures file and the JSON summary.
    /// </summary>
    [Fact]
    public async Task AddOpenAiDescriber_AuthFailureEchoingTheKey_KeyRedactedEverywhere()
    {
        var canary = "sk-canary-" + Guid.NewGuid().ToString("N");
        var echo = new ScriptedReply(401, $$$"""{"error": {"message": "Incorrect API key provided: {{{canary}}}", "type": "invalid_request_error", "code": "invalid_api_key"}}""");
        await using var server = await FakeChatServer.StartAsync(echo, echo, echo);
        var logs = new CapturingLoggerProvider();
        await using var provider = new ServiceCollection()
            .AddLogging(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))
            .AddSingleton<IDescriptionPrompt, TestPrompt>()
            .AddOpenAiDescriber(options =>
            {
                var defaults = Options(server.Endpoint);
                (options.Endpoint, options.Model, options.ApiKey) = (defaults.Endpoint, defaults.Model, canary);
                (options.RetryBaseDelay, options.MaxRetryDelay) = (defaults.RetryBaseDelay, defaults.MaxRetryDelay);
            })
            .BuildServiceProvider();

        var outcome = await provider.GetRequiredService<OpenAiDescriber>().DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal("http_401", outcome.ErrorReason);
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {canary}", r.Authorization));
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)
            && e.Text.Contains("Sending HTTP request", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == typeof(OpenAiDescriber).FullName);
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(canary, StringComparison.Ordinal));
        Assert.Contains("Incorrect API key provided: ***", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, outcome.RawJson, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, System.Text.Json.JsonSerializer.Serialize(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOpenAiDescriber_InvalidOptions_ResolvingThrowsNamingTheProblem()
    {
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDescriptionPrompt, TestPrompt>()
            .AddOpenAiDescriber(options => options.MaxTokens = 0)
            .BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<OpenAiDescriber>());

        Assert.Contains("MaxTokens", error.Message, StringComparison.Ordinal);
        Assert.Contains("Model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOpenAiDescriber_NoPromptRegistered_UsesTheDefaultPrompt()
    {
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddOpenAiDescriber(options => options.Model = "org/vl-model")
            .BuildServiceProvider();

        var identity = provider.GetRequiredService<OpenAiDescriber>().Identity;

        Assert.Equal(DescriptionPrompt.Default.Version, identity.PromptVersion);
        Assert.Equal("openai:org/vl-model", identity.DescriberId);
    }
}
