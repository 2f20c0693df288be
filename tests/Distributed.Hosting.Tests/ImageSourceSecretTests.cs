using Distributed.Grains.Captioning;
using Distributed.Hosting.Options;
using Microsoft.Extensions.Configuration;

namespace Distributed.Hosting.Tests;

/// <summary><c>Images:AzureConnectionString</c> inline or from <c>Images:AzureConnectionStringFile</c>.</summary>
public sealed class ImageSourceSecretTests
{
    [Fact]
    public void ResolveAzureConnectionString_FromFile_TrailingNewlineDropped()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "UseDevelopmentStorage=true\n");
        try
        {
            var images = new ConfigurationBuilder().AddInMemoryCollection([new("Images:AzureConnectionStringFile", file)]).Build()
                .ReadSection<ImageSourceOptions>();

            Assert.Equal("UseDevelopmentStorage=true", images.ResolveAzureConnectionString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ResolveAzureConnectionString_InlineAndFile_FailsNamingBothKeysNotTheValue()
    {
        var images = new ImageSourceOptions { AzureConnectionString = "AccountKey=canary-value", AzureConnectionStringFile = "/nonexistent" };

        var error = Assert.Throws<InvalidOperationException>(() => images.ResolveAzureConnectionString());

        Assert.Contains("Images:AzureConnectionString and Images:AzureConnectionStringFile are both set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-value", error.Message, StringComparison.Ordinal);
    }
}
