using Distributed.Learning.Evaluation;
using Distributed.Learning.Text;
using Distributed.Training.Corpus;

namespace Distributed.Training.Tests.Corpus;

public sealed class CorpusJoinerTests : IDisposable
{
    private readonly CorpusFixture _data = new();

    private async Task<string> MixedDatasetAsync()
    {
        var hit = _data.Image("hit.png");
        var missing = _data.Image("missing.png");
        var error = _data.Image("error.png");
        await _data.StoreDescriptionAsync(hit, "great day", "WE WON");
        await _data.StoreErrorAsync(error, "bad day");
        _data.Manifest("train.jsonl",
            new { id = "r1", text = "great day", image = "images/hit.png", label = "pos" },
            new { id = "r2", text = "meh", image = "images/missing.png", label = "neg" },
            new { id = "r3", text = "bad day", image = "images/error.png", label = "neg" },
            new { id = "r4", text = "just text", label = "pos" },
            new { id = "r5", text = "gone", image = "images/nowhere.png", label = "pos" });
        _data.Manifest("dev.jsonl", new { id = "d1", text = "ok", label = "neg" });
        _ = missing;
        return _data.Folder;
    }

    [Fact]
    public async Task JoinAsync_TextOnlyPolicy_KeepsMissingRowsAndCountsEachKind()
    {
        var corpus = await CorpusJoiner.JoinAsync(await DatasetRows.ReadAsync(await MixedDatasetAsync()), _data.Store,
            new CorpusOptions(CorpusFixture.Describer));

        var byId = corpus.Rows.ToDictionary(r => r.Id);
        Assert.Equal(6, corpus.Rows.Count);
        Assert.Equal(DescriptionStatus.Found, byId["r1"].DescriptionStatus);
        Assert.Equal("ocr: WE WON | scene: a scene | reasoning: a reason", byId["r1"].Description);
        Assert.Equal(DescriptionStatus.NotInStore, byId["r2"].DescriptionStatus);
        Assert.Null(byId["r2"].Description);
        Assert.Equal(DescriptionStatus.ErrorRecord, byId["r3"].DescriptionStatus);
        Assert.Equal(DescriptionStatus.TextOnly, byId["r4"].DescriptionStatus);
        Assert.Equal(DescriptionStatus.ImageUnreadable, byId["r5"].DescriptionStatus);
        var c = corpus.Counts;
        Assert.Equal((1, 2, 3, 1, 1, 1, 0), (c.Found, c.TextOnly, c.Missing, c.NotInStore, c.ErrorRecords, c.UnreadableImages, c.Skipped));
        Assert.Equal(["r2", "r3", "r5"], c.MissingIds);
        Assert.Equal(["neg", "pos"], corpus.Labels);
        Assert.Equal(5, corpus.SplitCounts["train"]);
        Assert.Equal(1, corpus.SplitCounts["dev"]);
    }

    [Fact]
    public async Task JoinAsync_SkipPolicy_DropsMissingRowsButKeepsTextOnlyRows()
    {
        var corpus = await CorpusJoiner.JoinAsync(await DatasetRows.ReadAsync(await MixedDatasetAsync()), _data.Store,
            new CorpusOptions(CorpusFixture.Describer, MissingDescriptionPolicy.Skip));

        Assert.Equal(["r1", "r4", "d1"], corpus.Rows.Select(r => r.Id));
        Assert.Equal(3, corpus.Counts.Skipped);
        Assert.Equal(3, corpus.Counts.Missing);
    }

    [Fact]
    public async Task JoinAsync_FieldsOcrOnly_RendersOnlyOcr()
    {
        var corpus = await CorpusJoiner.JoinAsync(await DatasetRows.ReadAsync(await MixedDatasetAsync()), _data.Store,
            new CorpusOptions(CorpusFixture.Describer, Fields: DescriptionFieldSet.Ocr));

        Assert.Equal("ocr: WE WON", corpus.Rows.Single(r => r.Id == "r1").Description);
    }

    [Fact]
    public async Task JoinAsync_OtherDescriberIdentity_FindsNothing()
    {
        var corpus = await CorpusJoiner.JoinAsync(await DatasetRows.ReadAsync(await MixedDatasetAsync()), _data.Store,
            new CorpusOptions(CorpusFixture.Describer with { PromptVersion = "ffffffffffffffff" }));

        Assert.Equal(0, corpus.Counts.Found);
        Assert.Equal(3, corpus.Counts.NotInStore);
    }

    [Fact]
    public async Task JoinAsync_IdentityByHand_TriesBothContextHashes()
    {
        var sha = _data.Image("a.png");
        await _data.Store.AppendAsync([new Distributed.Abstractions.Describing.DescriptionRecord(
            new Distributed.Abstractions.Describing.DescriptionKey(sha, "", "vlm", "1111111111111111"), "m", "TEXT", "s", "r", "{}",
            DateTimeOffset.UtcNow, 1, null, null)]);
        _data.Manifest("train.jsonl", new { id = "a", text = "post", image = "images/a.png", label = "x" }, new { id = "b", text = "t", label = "y" });
        _data.Manifest("dev.jsonl", new { id = "c", text = "t", label = "y" });
        var identity = new Distributed.Abstractions.Describing.DescriberIdentity("vlm", "vlm", "1111111111111111", UsesPostText: true, 0);

        var corpus = await CorpusJoiner.JoinAsync(await DatasetRows.ReadAsync(_data.Folder), _data.Store,
            new CorpusOptions(identity) { TryBothContexts = true });

        Assert.Equal(DescriptionStatus.Found, corpus.Rows.Single(r => r.Id == "a").DescriptionStatus);
    }

    [Fact]
    public async Task JoinAsync_DevLabelOutsideTrainLabels_FailsNamingRowFileAndLabel()
    {
        _data.Manifest("train.jsonl", new { id = "t1", text = "a", label = "pos" }, new { id = "t2", text = "b", label = "neg" });
        var dev = _data.Manifest("dev.jsonl", new { id = "d7", text = "c", label = "angry" });

        var ex = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await CorpusJoiner.JoinAsync(await DatasetRows.ReadAsync(_data.Folder), _data.Store, new CorpusOptions(CorpusFixture.Describer)));

        Assert.Contains("'d7'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(dev, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'angry'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinAsync_RowWithoutLabel_FailsNamingIt()
    {
        _data.Manifest("train.jsonl", new { id = "t1", text = "a", label = "pos" }, new { id = "nolabel", text = "b" });

        var ex = await Assert.ThrowsAsync<InvalidDataException>(async () =>
            await CorpusJoiner.JoinAsync(await DatasetRows.ReadAsync(_data.Folder), _data.Store, new CorpusOptions(CorpusFixture.Describer)));

        Assert.Contains("'nolabel'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no label", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EmptyDataset_FailsNamingIt()
    {
        var path = _data.Manifest("empty.jsonl");

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => DatasetRows.ReadAsync(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("no rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinAsync_NoSplitColumn_SplitsDeterministicallyByIdHash()
    {
        var rows = Enumerable.Range(0, 200).Select(i => (object)new { id = $"row{i}", text = "t", label = i % 2 == 0 ? "a" : "b" }).ToArray();
        var path = _data.Manifest("all.jsonl", rows);
        var options = new CorpusOptions(CorpusFixture.Describer, Ratios: new SplitRatios(0.8, 0.1, 0.1));

        var first = await CorpusJoiner.JoinAsync(await DatasetRows.ReadAsync(path), _data.Store, options);
        var second = await CorpusJoiner.JoinAsync(await DatasetRows.ReadAsync(path), _data.Store, options);

        Assert.Equal(first.Rows.Select(r => r.Split), second.Rows.Select(r => r.Split));
        Assert.All(first.Rows, r => Assert.Equal(DataSplit.Assign(r.Id, options.Ratios!), r.Split));
        Assert.Equal(200, first.Counts.HashSplitRows);
        Assert.InRange(first.SplitCounts["train"], 140, 180);
        Assert.True(first.SplitCounts["dev"] > 0 && first.SplitCounts["test"] > 0);
    }

    public void Dispose() => _data.Dispose();
}
