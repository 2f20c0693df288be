using System.Text.Json;
using Distributed.Abstractions.Describing;
using Distributed.Describing.OpenAi;
using static Distributed.Describing.Tests.OpenAi.DescriberHarness;

namespace Distributed.Describing.Tests.OpenAi;

public sealed partial class OpenAiDescriberTests
{
    [Fact]
    public async Task DescribeAsync_ApiKeySet_SendsChatCompletionsRequest()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Completion());
        using var client = NewClient();
        var describer = Create(client, Options(server.Endpoint, o => o.ApiKey = "sk-test-123"));

        await describer.DescribeAsync(SampleRequest, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("Bearer sk-test-123", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(ScriptedReply.ServedModel, root.GetProperty("model").GetString());
        Assert.Equal(0, root.GetProperty("temperature").GetDouble());
        Assert.Equal(512, root.GetProperty("max_tokens").GetInt32());
        var message = Assert.Single(root.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        var content = message.GetProperty("content");
        Assert.Equal(2, content.GetArrayLength());
        Assert.Equal("text", content[0].GetProperty("type").GetString());
        Assert.Contains(PostText, content[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("image_url", content[1].GetProperty("type").GetString());
        var url = content[1].GetProperty("image_url").GetProperty("url").GetString()!;
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        Assert.Equal(Png, Convert.FromBase64String(url["data:image/png;base64,".Length..]));
        var format = root.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var schema = format.GetProperty("json_schema");
        Assert.Equal("image_description", schema.GetProperty("name").GetString());
        Assert.True(schema.GetProperty("strict").GetBoolean());
        using var expected = JsonDocument.Parse(TestPrompt.Schema);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, schema.GetProperty("schema")));
    }

    [Fact]
    public async Task DescribeAsync_NoApiKey_SendsNoAuthorizationHeader()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Completion());
        using var client = NewClient();
        var describer = Create(client, Options(server.Endpoint));

        await describer.DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Null(Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task DescribeAsync_ValidReply_ReturnsFieldsModelAndRawReply()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Completion());
        using var client = NewClient();
        var describer = Create(client, Options(server.Endpoint, o => o.Model = "qwen-vl-local-alias"));

        var outcome = await describer.DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(FailureKind.None, outcome.Failure);
        Assert.Equal(new DescriptionFields("SALE 50%", "A red shop sign over a crowded street.", "Upbeat promotion."), outcome.Fields);
        Assert.Equal(ScriptedReply.ValidContent, outcome.RawJson);
        Assert.Equal(ScriptedReply.ServedModel, outcome.Model);
        Assert.Null(outcome.ErrorReason);
        Assert.True(outcome.LatencyMs > 0);
    }

    [Fact]
    public void Identity_ModelRevisionSet_NamesBackendModelRevisionAndPrompt()
    {
        using var client = NewClient();
        var describer = Create(client, Options(new Uri("http://127.0.0.1:9/v1"), o => (o.ModelRevision, o.MaxImageSide) = ("awq-2024", 768)));

        Assert.Equal(
            new DescriberIdentity($"openai:{ScriptedReply.ServedModel}@awq-2024", ScriptedReply.ServedModel, "0123456789abcdef", true, 768),
            describer.Identity);
    }

    [Fact]
    public void Ctor_InvalidOptions_ThrowsNamingTheProblem()
    {
        using var client = NewClient();

        var error = Assert.Throws<ArgumentException>(() => Create(client, Options(new Uri("http://127.0.0.1:9/v1"), o => o.Model = " ")));

        Assert.Contains("Model", error.Message, StringComparison.Ordinal);
    }
}
