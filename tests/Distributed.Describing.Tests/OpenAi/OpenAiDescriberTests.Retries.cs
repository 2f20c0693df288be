using Distributed.Abstractions.Describing;
using static Distributed.Describing.Tests.OpenAi.DescriberHarness;

namespace Distributed.Describing.Tests.OpenAi;

public sealed partial class OpenAiDescriberTests
{
    [Theory]
    [InlineData(429)]
    [InlineData(408)]
    [InlineData(502)]
    public async Task DescribeAsync_RetryableStatusThenSuccess_SucceedsAfterTwoCalls(int status)
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Error(status), ScriptedReply.Completion());
        using var client = NewClient();

        var outcome = await Create(client, Options(server.Endpoint)).DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(FailureKind.None, outcome.Failure);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task DescribeAsync_429WithRetryAfterBeyondCap_WaitsTheCap()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Error(429, retryAfter: "3600"), ScriptedReply.Completion());
        using var client = NewClient();
        var logs = new CapturingLoggerProvider();

        var outcome = await Create(client, Options(server.Endpoint), logs).DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(FailureKind.None, outcome.Failure);
        var retry = Assert.Single(logs.Entries, e => e.EventId.Id == 4101);
        Assert.Equal(20.0, retry.Values.Single(v => v.Key == "DelayMs").Value);
        Assert.Equal("http_429", retry.Values.Single(v => v.Key == "Reason").Value);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public async Task DescribeAsync_500Always_TransientAfterMaxRetriesPlusOneCalls(int maxRetries)
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Error(500));
        using var client = NewClient();

        var outcome = await Create(client, Options(server.Endpoint, o => o.MaxRetries = maxRetries)).DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(maxRetries + 1, server.Calls);
        AssertFailed(outcome, FailureKind.Transient, "http_500");
        Assert.Contains(server.Endpoint.ToString(), outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(SampleRequest.ImageSha256, outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeAsync_ServerNeverAnswers_TransientTimeout()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Hanging());
        using var client = NewClient();
        // Long enough that each attempt surely reaches the server before it times out, even on a loaded machine.
        var options = Options(server.Endpoint, o => (o.Timeout, o.MaxRetries) = (TimeSpan.FromSeconds(1), 1));

        var outcome = await Create(client, options).DescribeAsync(SampleRequest, CancellationToken.None);

        // The client counts its attempts; the server may not have read the second request before it timed out on a
        // loaded machine (CI once saw 1 server call), so the server's count only bounds it.
        AssertFailed(outcome, FailureKind.Transient, "timeout");
        Assert.Contains("timeout after 2 attempt(s)", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.InRange(server.Calls, 1, 2);
    }

    [Fact]
    public async Task DescribeAsync_NoServerOnPort_TransientUnreachable()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = NewClient();

        var outcome = await Create(client, Options(new Uri($"http://127.0.0.1:{port}/v1"))).DescribeAsync(SampleRequest, CancellationToken.None);

        AssertFailed(outcome, FailureKind.Transient, "unreachable");
        Assert.Contains($"127.0.0.1:{port}", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, FailureKind.Permanent)]
    [InlineData(413, FailureKind.Permanent)]
    [InlineData(401, FailureKind.Transient)]
    [InlineData(404, FailureKind.Transient)]
    public async Task DescribeAsync_4xxOtherThan408And429_FailsAfterOneCall(int status, FailureKind kind)
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Error(status));
        using var client = NewClient();

        var outcome = await Create(client, Options(server.Endpoint)).DescribeAsync(SampleRequest, CancellationToken.None);

        Assert.Equal(1, server.Calls);
        AssertFailed(outcome, kind, $"http_{status}");
        Assert.Contains($"scripted {status}", outcome.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Hanging());
        using var client = NewClient();
        using var cancellation = new CancellationTokenSource();
        var describing = Create(client, Options(server.Endpoint)).DescribeAsync(SampleRequest, cancellation.Token);

        await server.FirstRequest;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => describing);
        Assert.Equal(1, server.Calls);
    }

    private static void AssertFailed(DescribeOutcome outcome, FailureKind kind, string reason)
    {
        Assert.Null(outcome.Fields);
        Assert.Equal(kind, outcome.Failure);
        Assert.Equal(reason, outcome.ErrorReason);
        Assert.False(string.IsNullOrEmpty(outcome.ErrorMessage));
        Assert.Equal(ScriptedReply.ServedModel, outcome.Model);
    }
}
