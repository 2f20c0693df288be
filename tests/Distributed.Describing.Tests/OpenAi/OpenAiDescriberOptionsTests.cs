using Distributed.Describing.OpenAi;

namespace Distributed.Describing.Tests.OpenAi;

public sealed class OpenAiDescriberOptionsTests
{
    [Fact]
    public void Defaults_ModelSet_AreDocumentedValuesAndValid()
    {
        var options = new OpenAiDescriberOptions { Model = "Qwen/Qwen2.5-VL-7B-Instruct" };

        Assert.Equal(new Uri("http://localhost:8000/v1"), options.Endpoint);
        Assert.Equal("OPENAI_API_KEY", options.ApiKeyEnvironmentVariable);
        Assert.Equal(TimeSpan.FromSeconds(120), options.Timeout);
        Assert.Equal(512, options.MaxTokens);
        Assert.Equal(4, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxRetryDelay);
        Assert.Equal(1024, options.MaxImageSide);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_EveryFieldWrong_ReportsEachProblem()
    {
        var options = new OpenAiDescriberOptions
        {
            Endpoint = new Uri("ftp://example.org/v1"),
            Model = "",
            Timeout = TimeSpan.FromMilliseconds(5),
            MaxTokens = 0,
            MaxRetries = -1,
            RetryBaseDelay = TimeSpan.FromMinutes(2),
            MaxImageSide = 0,
        };

        Assert.Equal(7, options.Validate().Count);
    }

    [Theory]
    [InlineData(null, "openai:org/vl-model")]
    [InlineData("", "openai:org/vl-model")]
    [InlineData("3f2a9c1", "openai:org/vl-model@3f2a9c1")]
    public void DescriberId_Revision_AppendedWhenSet(string? revision, string expected)
    {
        var options = new OpenAiDescriberOptions { Model = "org/vl-model", ModelRevision = revision };

        Assert.Equal(expected, options.DescriberId);
    }

    [Fact]
    public void ResolveApiKey_OnlyEnvironmentVariableSet_ReadsIt()
    {
        var variable = "DISTRIBUTED_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "sk-from-environment");
        try
        {
            var options = new OpenAiDescriberOptions { ApiKeyEnvironmentVariable = variable };

            Assert.Equal("sk-from-environment", options.ResolveApiKey());
            options.ApiKey = "sk-from-configuration";
            Assert.Equal("sk-from-configuration", options.ResolveApiKey());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void ResolveApiKey_NothingSet_ReturnsNull()
    {
        var options = new OpenAiDescriberOptions { ApiKeyEnvironmentVariable = "DISTRIBUTED_TEST_UNSET_" + Guid.NewGuid().ToString("N") };

        Assert.Null(options.ResolveApiKey());
    }

    [Fact]
    public void ToString_ApiKeySet_MasksIt()
    {
        var options = new OpenAiDescriberOptions { Model = "m", ApiKey = "sk-secret-value" };

        var text = options.ToString();

        Assert.DoesNotContain("sk-secret-value", text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("Model = m", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_EndpointWithUserInfo_HidesIt()
    {
        var options = new OpenAiDescriberOptions { Endpoint = new Uri("https://user:hunter2@vlm.example.org/v1") };

        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
    }
}
