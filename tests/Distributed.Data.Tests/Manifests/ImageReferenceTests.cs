using Distributed.Data.Manifests;

namespace Distributed.Data.Tests.Manifests;

public sealed class ImageReferenceTests
{
    private static readonly ImageSourcePolicy Policy = ImageSourcePolicy.Default;

    [Fact]
    public void Resolve_RelativePath_IsLocalFileInsideManifestFolder()
    {
        using var temp = new TempFolder();

        var location = Assert.IsType<LocalImageFile>(ImageReference.Resolve("images/./a/../s00001.png", temp.Path, Policy));

        Assert.Equal(Path.Combine(temp.Path, "images", "s00001.png"), location.FullPath);
        Assert.Equal("images/./a/../s00001.png", location.Reference);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("images/../../outside.png")]
    [InlineData("/etc/passwd")]
    public void Resolve_PathEscapingFolder_RejectedAsPathOutsideDataset(string image)
    {
        using var temp = new TempFolder();

        var ex = Assert.Throws<ImageSourceException>(() => ImageReference.Resolve(image, temp.Path, Policy));

        Assert.Equal((ImageSourceReasons.PathOutsideDataset, true), (ex.Reason, ex.Permanent));
        Assert.Contains(image, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FileUri_InsideAcceptedOutsideRejected()
    {
        using var temp = new TempFolder();
        var inside = new Uri(Path.Combine(temp.Path, "images", "a.png")).AbsoluteUri;

        Assert.Equal(Path.Combine(temp.Path, "images", "a.png"),
            Assert.IsType<LocalImageFile>(ImageReference.Resolve(inside, temp.Path, Policy)).FullPath);
        var ex = Assert.Throws<ImageSourceException>(() => ImageReference.Resolve("file:///etc/passwd", temp.Path, Policy));
        Assert.Equal(ImageSourceReasons.PathOutsideDataset, ex.Reason);
    }

    [SkippableFact]
    public void Resolve_SymlinkPointingOutside_RejectedAsPathOutsideDataset()
    {
        Skip.If(OperatingSystem.IsWindows(), "Symlinks need privileges on Windows.");
        using var dataset = new TempFolder();
        using var outside = new TempFolder();
        File.WriteAllBytes(Path.Combine(outside.Path, "secret.png"), [1]);
        Directory.CreateSymbolicLink(Path.Combine(dataset.Path, "images"), outside.Path);

        var ex = Assert.Throws<ImageSourceException>(() => ImageReference.Resolve("images/secret.png", dataset.Path, Policy));

        Assert.Equal(ImageSourceReasons.PathOutsideDataset, ex.Reason);
        var allowed = Policy with { AllowedRoots = [outside.Path] };
        Assert.Equal(Path.Combine(outside.Path, "secret.png"),
            Assert.IsType<LocalImageFile>(ImageReference.Resolve("images/secret.png", dataset.Path, allowed)).FullPath);
    }

    [SkippableFact]
    public void Resolve_FileSymlinkInsideAllowedRootEscapingIt_RejectedAsPathOutsideDataset()
    {
        Skip.If(OperatingSystem.IsWindows(), "Symlinks need privileges on Windows.");
        using var dataset = new TempFolder();
        using var allowedRoot = new TempFolder();
        using var outside = new TempFolder();
        Directory.CreateDirectory(allowedRoot.Path);
        Directory.CreateDirectory(outside.Path);
        File.WriteAllBytes(Path.Combine(outside.Path, "secret.png"), [1]);
        File.WriteAllBytes(Path.Combine(allowedRoot.Path, "ok.png"), [1]);
        File.CreateSymbolicLink(Path.Combine(allowedRoot.Path, "link.png"), Path.Combine(outside.Path, "secret.png"));
        var policy = Policy with { AllowedRoots = [allowedRoot.Path] };

        var ex = Assert.Throws<ImageSourceException>(() => ImageReference.Resolve(Path.Combine(allowedRoot.Path, "link.png"), dataset.Path, policy));

        Assert.Equal((ImageSourceReasons.PathOutsideDataset, true), (ex.Reason, ex.Permanent));
        Assert.IsType<LocalImageFile>(ImageReference.Resolve(Path.Combine(allowedRoot.Path, "ok.png"), dataset.Path, policy));
    }

    [Fact]
    public void Resolve_SiblingFolderSharingTheRootsPrefix_RejectedAsPathOutsideDataset()
    {
        using var temp = new TempFolder();
        var dataset = Path.Combine(temp.Path, "ds");
        var policy = Policy with { AllowedRoots = [Path.Combine(temp.Path, "shared")] };

        var viaDataset = Assert.Throws<ImageSourceException>(() => ImageReference.Resolve("../ds-evil/a.png", dataset, policy));
        var viaRoot = Assert.Throws<ImageSourceException>(() => ImageReference.Resolve(Path.Combine(temp.Path, "shared-evil", "a.png"), dataset, policy));

        Assert.Equal(ImageSourceReasons.PathOutsideDataset, viaDataset.Reason);
        Assert.Equal(ImageSourceReasons.PathOutsideDataset, viaRoot.Reason);
    }

    [Fact]
    public void Resolve_Http_RejectedWithoutAllowListAcceptedWithIt()
    {
        const string Url = "https://images.example.org/p/1.png?size=large";

        var ex = Assert.Throws<ImageSourceException>(() => ImageReference.Resolve(Url, "/data", Policy));
        var allowed = Policy with { AllowedHttpHosts = ["IMAGES.example.org"] };
        var location = Assert.IsType<HttpImage>(ImageReference.Resolve(Url, "/data", allowed));

        Assert.Equal((ImageSourceReasons.HttpNotAllowed, true), (ex.Reason, ex.Permanent));
        Assert.Contains(Url, ex.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri(Url), location.Uri);
        Assert.Throws<ImageSourceException>(() => ImageReference.Resolve("http://other.example.org/1.png", "/data", allowed));
    }

    [Fact]
    public void Resolve_AzReference_ParsesContainerAndBlobName()
    {
        var location = Assert.IsType<BlobImage>(ImageReference.Resolve("az://mvsa-images/raw/2024/5 a.jpg", "/data", Policy));

        Assert.Equal(("mvsa-images", "raw/2024/5 a.jpg"), (location.Container, location.BlobName));
    }

    [Theory]
    [InlineData("az://container", ImageSourceReasons.InvalidReference)]
    [InlineData("az://Bad_Container/x.png", ImageSourceReasons.InvalidReference)]
    [InlineData("ftp://host/x.png", ImageSourceReasons.UnsupportedScheme)]
    [InlineData("data:image/png;base64,AAAA", ImageSourceReasons.UnsupportedScheme)]
    [InlineData("file://server/share/x.png", ImageSourceReasons.UnsupportedScheme)]
    [InlineData("  ", ImageSourceReasons.InvalidReference)]
    public void Resolve_MalformedOrUnsupported_RejectedPermanently(string image, string reason)
    {
        var ex = Assert.Throws<ImageSourceException>(() => ImageReference.Resolve(image, "/data", Policy));

        Assert.Equal((reason, true, image), (ex.Reason, ex.Permanent, ex.Reference));
    }
}
