using Distributed.Storage.Blobs;

namespace Distributed.Storage.Tests.Blobs;

public sealed class DescriptionStoreLocationTests
{
    [Theory]
    [InlineData("./.distributed/store", "./.distributed/store")]
    [InlineData("/data/store", "/data/store")]
    [InlineData("file:///data/store", "/data/store")]
    public void Parse_LocalForms_GiveFolder(string uri, string path)
    {
        var location = DescriptionStoreLocation.Parse(uri);

        Assert.Equal((path, null), (location.LocalPath, location.Container));
        Assert.IsType<LocalFolderBlobContainer>(location.Open());
    }

    [Theory]
    [InlineData("az://descriptions", "descriptions", "")]
    [InlineData("az://descriptions/team-a/v", "descriptions", "team-a/v")]
    public void Parse_AzForms_GiveContainerAndPrefix(string uri, string container, string prefix)
    {
        var location = DescriptionStoreLocation.Parse(uri);

        Assert.Equal((null, container, prefix), (location.LocalPath, location.Container, location.Prefix));
    }

    [Theory]
    [InlineData("")]
    [InlineData("s3://bucket/x")]
    [InlineData("az://Bad_Name/x")]
    public void Parse_Invalid_ThrowsNamingInput(string uri)
    {
        var error = Assert.Throws<FormatException>(() => DescriptionStoreLocation.Parse(uri));

        Assert.Contains(uri.Length == 0 ? "empty" : uri, error.Message);
    }

    [Fact]
    public void Open_AzWithoutConnectionString_ThrowsNamingLocation()
    {
        var error = Assert.Throws<ArgumentException>(() => DescriptionStoreLocation.Parse("az://descriptions/a").Open());

        Assert.Contains("az://descriptions/a", error.Message);
    }
}
