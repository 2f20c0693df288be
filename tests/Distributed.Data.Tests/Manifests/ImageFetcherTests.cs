using System.Net;
using Distributed.Data.Manifests;

namespace Distributed.Data.Tests.Manifests;

public sealed class ImageFetcherTests
{
    [Fact]
    public async Task FetchAsync_SmallLocalFile_ReturnsItsBytes()
    {
        using var temp = new TempFolder();
        await File.WriteAllBytesAsync(Path.Combine(temp.Path, "a.png"), [1, 2, 3]);

        var bytes = await new ImageFetcher().FetchAsync(Local(temp, "a.png"));

        Assert.Equal([1, 2, 3], bytes);
    }

    [Fact]
    public async Task FetchAsync_MissingEmptyOrOversizedFile_FailsPermanentlyWithReason()
    {
        using var temp = new TempFolder();
        await File.WriteAllBytesAsync(Path.Combine(temp.Path, "empty.png"), []);
        await File.WriteAllBytesAsync(Path.Combine(temp.Path, "big.png"), new byte[11]);
        var fetcher = new ImageFetcher(maxBytes: 10);

        Assert.Equal(ImageSourceReasons.MissingFile, (await FailAsync(fetcher, Local(temp, "missing.png"))).Reason);
        Assert.Equal(ImageSourceReasons.EmptyFile, (await FailAsync(fetcher, Local(temp, "empty.png"))).Reason);
        var tooLarge = await FailAsync(fetcher, Local(temp, "big.png"));
        Assert.Equal(ImageSourceReasons.ImageTooLarge, tooLarge.Reason);
        Assert.Contains("big.png", tooLarge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_Blob_NeedsASource()
    {
        var blob = new BlobImage("az://images/a.png", "images", "a.png");

        var ex = await FailAsync(new ImageFetcher(), blob);
        var bytes = await new ImageFetcher(blobSource: new FixedBlobSource([7])).FetchAsync(blob);

        Assert.Equal((ImageSourceReasons.AzNotConfigured, true), (ex.Reason, ex.Permanent));
        Assert.Equal([7], bytes);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, 3, null, true)]
    [InlineData(HttpStatusCode.OK, 0, ImageSourceReasons.EmptyFile, true)]
    [InlineData(HttpStatusCode.OK, 11, ImageSourceReasons.ImageTooLarge, true)]
    [InlineData(HttpStatusCode.NotFound, 0, ImageSourceReasons.MissingFile, true)]
    [InlineData(HttpStatusCode.Forbidden, 0, ImageSourceReasons.HttpError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 0, ImageSourceReasons.HttpError, false)]
    public async Task FetchAsync_Http_MapsResponses(HttpStatusCode status, int length, string? reason, bool permanent)
    {
        using var http = new HttpClient(new StubHandler(_ => new HttpResponseMessage(status) { Content = new ByteArrayContent(new byte[length]) }));
        var fetcher = new ImageFetcher(http, maxBytes: 10);
        var image = new HttpImage("https://img.example.org/a.png", new Uri("https://img.example.org/a.png"));

        if (reason is null)
        {
            Assert.Equal(length, (await fetcher.FetchAsync(image)).Length);
            return;
        }

        var ex = await FailAsync(fetcher, image);
        Assert.Equal((reason, permanent), (ex.Reason, ex.Permanent));
    }

    [Fact]
    public async Task FetchAsync_HttpRedirectToOtherHost_RejectedAsHttpNotAllowed()
    {
        using var http = new HttpClient(new StubHandler(request => request.RequestUri!.Host == "img.example.org"
            ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("http://169.254.169.254/latest") } }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1]) }));
        var image = new HttpImage("https://img.example.org/a.png", new Uri("https://img.example.org/a.png"));

        var ex = await FailAsync(new ImageFetcher(http), image);

        Assert.Equal(ImageSourceReasons.HttpNotAllowed, ex.Reason);
    }

    private static LocalImageFile Local(TempFolder temp, string name) =>
        Assert.IsType<LocalImageFile>(ImageReference.Resolve(name, temp.Path, ImageSourcePolicy.Default));

    private static Task<ImageSourceException> FailAsync(ImageFetcher fetcher, ImageLocation location) =>
        Assert.ThrowsAsync<ImageSourceException>(() => fetcher.FetchAsync(location));

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(respond(request));
    }

    private sealed class FixedBlobSource(byte[] bytes) : IBlobImageSource
    {
        public Task<byte[]> ReadAsync(BlobImage image, long maxBytes, CancellationToken ct) => Task.FromResult(bytes);
    }
}
