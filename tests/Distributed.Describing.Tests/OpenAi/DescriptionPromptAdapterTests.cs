using System.Text.Json;
using Distributed.Abstractions.Describing;
using Distributed.Describing.OpenAi;
using Distributed.Describing.Prompt;
using static Distributed.Describing.Tests.OpenAi.DescriberHarness;

namespace Distributed.Describing.Tests.OpenAi;

public sealed class DescriptionPromptAdapterTests
{
    [Fact]
    public async Task DescribeAsync_DefaultPrompt_SendsItsTextAndSchemaAndParsesTheReply()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Completion());
        using var client = NewClient();
        var describer = new OpenAiDescriber(client, Options(server.Endpoint), new DescriptionPromptAdapter());

        var outcome = await describer.DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(FailureKind.None, outcome.Failure);
        Assert.Equal("SALE 50%", outcome.Fields?.Ocr);
        Assert.Equal(DescriptionPrompt.Default.Version, describer.Identity.PromptVersion);
        Assert.Equal(DescriptionPrompt.Default.UsesPostText, describer.Identity.UsesPostText);
        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var root = body.RootElement;
        Assert.Equal(
            DescriptionPrompt.Default.Render(PostText),
            root.GetProperty("messages")[0].GetProperty("content")[0].GetProperty("text").GetString());
        var schema = root.GetProperty("response_format").GetProperty("json_schema");
        Assert.Equal(DescriptionSchema.Name, schema.GetProperty("name").GetString());
        using var expected = JsonDocument.Parse(DescriptionSchema.Json);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, schema.GetProperty("schema")));
    }

    [Fact]
    public void Validate_ReplyMissingField_SchemaViolation()
    {
        var verdict = new DescriptionPromptAdapter().Validate("""{"ocr": "SALE", "visual_scene": "A red sign."}""");

        Assert.Equal(ReplyValidation.SchemaViolation, verdict.Reason);
    }
}
