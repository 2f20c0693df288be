using Distributed.Abstractions.Describing;
using Distributed.Describing.OpenAi;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace Distributed.Describing.Tests.OpenAi;

/// <summary>Builds describers with tiny retry delays, and a real PNG to describe.</summary>
public static class DescriberHarness
{
    public const string PostText = "Half price today only! #sale";

    public static readonly byte[] Png = MakePng();

    public static DescribeRequest SampleRequest { get; } = new(
        DescriptionKey.HashText("image bytes stand-in"), Png, "image/png", PostText);

    /// <summary>Options for <paramref name="endpoint"/>: no key (the variable is unset), 1 ms base delay, 20 ms cap, 2 retries.</summary>
    public static OpenAiDescriberOptions Options(Uri endpoint, Action<OpenAiDescriberOptions>? configure = null)
    {
        var options = new OpenAiDescriberOptions
        {
            Endpoint = endpoint,
            Model = ScriptedReply.ServedModel,
            ApiKeyEnvironmentVariable = "DISTRIBUTED_TEST_UNSET_" + Guid.NewGuid().ToString("N"),
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return options;
    }

    public static OpenAiDescriber Create(HttpClient client, OpenAiDescriberOptions options, ILoggerProvider? logs = null)
    {
        var factory = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        return new OpenAiDescriber(client, options, new TestPrompt(), factory.CreateLogger<OpenAiDescriber>());
    }

    public static HttpClient NewClient() => new() { Timeout = Timeout.InfiniteTimeSpan };

    private static byte[] MakePng()
    {
        using var bitmap = new SKBitmap(4, 3);
        bitmap.Erase(new SKColor(200, 30, 30));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
