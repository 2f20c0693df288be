using Distributed.Describing.OpenAi;
using Distributed.Grains.Describing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Distributed.Grains.Tests;

public sealed class DescriberFactoryTests
{
    [Fact]
    public void IdentityOf_Embedded_EqualsTheBuiltDescribersIdentity()
    {
        var endpoint = new DescriberEndpointOptions { Name = "embedded" };
        using var describer = (IDisposable)new DescriberFactory(NullLoggerFactory.Instance).Create(endpoint);

        Assert.Equal(((Distributed.Describing.IDescriber)describer).Identity, DescriberFactory.IdentityOf(endpoint));
    }

    [Fact]
    public void IdentityOf_OpenAi_EqualsTheBuiltDescribersIdentity()
    {
        var endpoint = new DescriberEndpointOptions
        {
            Name = "vlm", Backend = DescriberBackend.OpenAi, Endpoint = "http://127.0.0.1:9/v1", Model = "Qwen/Qwen2.5-VL-7B-Instruct", ModelRevision = "r1",
        };
        var describer = (OpenAiDescriber)new DescriberFactory(NullLoggerFactory.Instance).Create(endpoint);

        var identity = DescriberFactory.IdentityOf(endpoint);

        Assert.Equal(describer.Identity, identity);
        Assert.Equal("openai:Qwen/Qwen2.5-VL-7B-Instruct@r1", identity.DescriberId);
    }
}
