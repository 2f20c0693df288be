using Distributed.Abstractions.Describing;
using Distributed.Storage.Blobs;
using Distributed.Storage.Descriptions;

namespace Distributed.Storage.Tests.Descriptions;

/// <summary>The description store's behaviour on one blob backend; derived per backend.</summary>
public abstract partial class DescriptionStoreContract
{
    protected ManualTime Clock { get; } = new(Records.Start.AddDays(20));

    protected DescriptionStoreOptions Options { get; } = new() { CompactionGracePeriod = TimeSpan.FromMinutes(10), RowGroupRows = 7 };

    /// <summary>The same container for every call within a test (a second instance acts like a second process).</summary>
    protected abstract IBlobContainer OpenContainer();

    protected DescriptionStore NewStore() => new(OpenContainer(), Options, Clock);

    [SkippableFact]
    public async Task GetAsync_AfterAppend_RoundTripsEveryField()
    {
        using var store = NewStore();
        var success = Records.Success(Records.Key(1), new DateTimeOffset(2026, 11, 2, 10, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567), "é ✓");
        var error = Records.Error(Records.Key(2), Records.Start.AddTicks(1), "x");

        var segment = await store.AppendAsync([success, error]);

        Assert.StartsWith("v1/segments/", segment);
        var read = await store.GetAsync([success.Key, error.Key]);
        Assert.Equal(success, read[success.Key]);
        Assert.Equal(success.CreatedAt.UtcTicks, read[success.Key].CreatedAt.UtcTicks);
        Assert.Equal(error, read[error.Key]);
        Assert.True(read[error.Key].IsError);
    }

    [SkippableFact]
    public async Task GetAsync_SuccessAndEarlierError_SuccessWins()
    {
        using var store = NewStore();
        var key = Records.Key(1);
        await store.AppendAsync([Records.Error(key, Records.Start)]);
        await store.AppendAsync([Records.Success(key, Records.Start.AddHours(1), "later success")]);

        var read = await store.GetAsync([key]);

        Assert.Equal(Records.Success(key, Records.Start.AddHours(1), "later success"), read[key]);
    }

    [SkippableFact]
    public async Task GetAsync_TwoSuccesses_EarliestCreatedWinsEvenFromLaterSegment()
    {
        using var store = NewStore();
        var key = Records.Key(1);
        await store.AppendAsync([Records.Success(key, Records.Start.AddMinutes(5), "first written")]);
        await store.AppendAsync([Records.Success(key, Records.Start, "created earlier")]);

        var read = await store.GetAsync([key]);

        Assert.Equal("a scene created earlier", read[key].VisualScene);
    }

    [SkippableFact]
    public async Task GetAsync_EqualCreatedTimes_EarlierSegmentThenEarlierRowWins()
    {
        using var store = NewStore();
        var key = Records.Key(1);
        await store.AppendAsync([Records.Success(key, Records.Start, "segment 1 row 0"), Records.Success(key, Records.Start, "segment 1 row 1")]);
        await store.AppendAsync([Records.Success(key, Records.Start, "segment 2")]);

        var read = await store.GetAsync([key]);

        Assert.Equal("a scene segment 1 row 0", read[key].VisualScene);
    }

    [SkippableFact]
    public async Task ExistsAsync_MixedKeys_ReturnsOnlyPresent()
    {
        using var store = NewStore();
        await store.AppendAsync([Records.Success(Records.Key(1), Records.Start), Records.Error(Records.Key(2), Records.Start)]);

        var present = await store.ExistsAsync([Records.Key(1), Records.Key(2), Records.Key(3), Records.Key(1, describer: "other/1")]);

        Assert.Equal(new HashSet<DescriptionKey> { Records.Key(1), Records.Key(2) }, present);
    }

    [SkippableFact]
    public async Task SucceededAsync_MixedKeys_ReturnsOnlyKeysWhoseWinnerIsASuccess()
    {
        using var store = NewStore();
        await store.AppendAsync([Records.Success(Records.Key(1), Records.Start), Records.Error(Records.Key(2), Records.Start)]);
        await store.AppendAsync([Records.Error(Records.Key(1), Records.Start.AddYears(-1)), Records.Error(Records.Key(4), Records.Start)]);

        var succeeded = await store.SucceededAsync([Records.Key(1), Records.Key(2), Records.Key(3), Records.Key(4)]);

        Assert.Equal(new HashSet<DescriptionKey> { Records.Key(1) }, succeeded);
    }

    [SkippableFact]
    public async Task AppendAsync_TwoInstancesConcurrently_KeySetIsUnionAndRowsAreSum()
    {
        using var first = NewStore();
        using var second = NewStore();
        var writes = Enumerable.Range(0, 12).Select(batch =>
        {
            var store = batch % 2 == 0 ? first : second;
            var images = Enumerable.Range(batch * 5, 10); // overlaps the next batch by five keys
            return store.AppendAsync(Records.Successes(images, Records.Start.AddSeconds(batch), $"batch {batch}"));
        });

        await Task.WhenAll(writes);

        var expected = Enumerable.Range(0, 65).Select(i => Records.Key(i)).ToHashSet();
        var scanned = await first.ScanAsync().Select(r => r.Key).ToListAsync();
        Assert.Equal(expected, scanned.ToHashSet());
        Assert.Equal(scanned.Count, scanned.Distinct().Count());
        var stats = await second.StatsAsync();
        Assert.Equal((120L, 65L, 12), (stats.Rows, stats.UniqueKeys, stats.Segments));
        Assert.Equal(expected, await second.ExistsAsync(expected.Append(Records.Key(999))));
    }

    [SkippableFact]
    public async Task AppendAsync_InvalidRecord_ThrowsNamingItAndWritesNothing()
    {
        using var store = NewStore();
        var bad = Records.Success(Records.Key(2) with { DescriberId = "" }, Records.Start);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([Records.Success(Records.Key(1), Records.Start), bad]));

        Assert.Contains("Record 1", error.Message);
        Assert.Contains("DescriberId", error.Message);
        Assert.Equal(0, (await store.StatsAsync()).Segments);
    }

    [SkippableFact]
    public async Task AppendAsync_Empty_WritesNoSegment()
    {
        using var store = NewStore();

        Assert.Null(await store.AppendAsync([]));
        Assert.Equal(0, (await store.StatsAsync()).Segments);
    }
}
