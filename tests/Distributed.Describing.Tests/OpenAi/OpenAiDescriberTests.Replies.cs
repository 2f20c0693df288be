using Distributed.Abstractions.Describing;
using static Distributed.Describing.Tests.OpenAi.DescriberHarness;

namespace Distributed.Describing.Tests.OpenAi;

public sealed partial class OpenAiDescriberTests
{
    private const string NotJson = "Sure! The image shows a red sign that says SALE.";
    private const string MissingField = """{"ocr": "SALE", "visual_scene": "A red sign."}""";

    [Theory]
    [InlineData(NotJson, "not_json")]
    [InlineData(MissingField, "schema_violation")]
    public async Task DescribeAsync_InvalidReplyTwice_PermanentWithRawReply(string reply, string reason)
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Completion(reply));
        using var client = NewClient();

        var outcome = await Create(client, Options(server.Endpoint)).DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(2, server.Calls);
        AssertFailed(outcome, FailureKind.Permanent, reason);
        Assert.Equal(reply, outcome.RawJson);
        Assert.Contains(SampleRequest.ImageSha256, outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotJson)]
    [InlineData(MissingField)]
    public async Task DescribeAsync_InvalidReplyThenValid_SucceedsAfterTwoCalls(string reply)
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Completion(reply), ScriptedReply.Completion());
        using var client = NewClient();

        var outcome = await Create(client, Options(server.Endpoint)).DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(2, server.Calls);
        Assert.Equal(FailureKind.None, outcome.Failure);
        Assert.Equal("SALE 50%", outcome.Fields?.Ocr);
    }

    [Fact]
    public async Task DescribeAsync_GarbageBody_PermanentInvalidResponseWithBody()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Garbage());
        using var client = NewClient();

        var outcome = await Create(client, Options(server.Endpoint)).DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(2, server.Calls);
        AssertFailed(outcome, FailureKind.Permanent, "invalid_response");
        Assert.Equal(ScriptedReply.Garbage().Body, outcome.RawJson);
    }

    [Fact]
    public async Task DescribeAsync_CanaryApiKey_SentButNeverLogged()
    {
        var canary = "sk-canary-" + Guid.NewGuid().ToString("N");
        await using var server = await FakeChatServer.StartAsync(
            ScriptedReply.Error(503), ScriptedReply.Completion(NotJson), ScriptedReply.Error(400));
        using var client = NewClient();
        var logs = new CapturingLoggerProvider();

        var outcome = await Create(client, Options(server.Endpoint, o => o.ApiKey = canary), logs).DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal("http_400", outcome.ErrorReason);
        Assert.Equal(3, server.Calls);
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {canary}", r.Authorization));
        Assert.True(logs.Entries.Count >= 3);
        Assert.DoesNotContain(logs.Entries, e => e.Text.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(canary, outcome.ErrorMessage, StringComparison.Ordinal);
    }
}
