using Distributed.Learning.Evaluation;

namespace Distributed.Learning.Tests.Evaluation;

public sealed class DataSplitTests
{
    private const int Rows = 100_000;
    private static readonly SplitRatios Default = new();

    [Fact]
    public void Assign_SameIdTwice_GivesSameSplit()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var id = $"row-{i}";
            Assert.Equal(DataSplit.Assign(id, Default, seed: 3), DataSplit.Assign(id, new SplitRatios(), seed: 3));
        }
    }

    [Fact]
    public void Assign_KnownIds_AreStableAcrossMachinesAndRuns()
    {
        // Computed independently in Python: u = (int.from_bytes(sha256(b"0:row-i").digest()[:8], "big") >> 11) / 2**53,
        // then train if u < 0.5, dev if u < 0.75, else test. They change only if the hashing scheme changes.
        string[] expected = ["train", "train", "dev", "dev", "test", "test", "train", "train", "test", "dev"];
        var ratios = new SplitRatios(0.5, 0.25, 0.25);
        var actual = Enumerable.Range(0, expected.Length).Select(i => DataSplit.Assign($"row-{i}", ratios)).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Assign_HundredThousandIds_MatchesRatiosWithinOnePercent()
    {
        var ratios = new SplitRatios(0.7, 0.2, 0.1);
        var counts = DataSplit.Summarise(Enumerable.Range(0, Rows).Select(i => DataSplit.Assign($"row-{i}", ratios)));

        Assert.InRange(counts[DataSplit.Train] / (double)Rows, 0.69, 0.71);
        Assert.InRange(counts[DataSplit.Dev] / (double)Rows, 0.19, 0.21);
        Assert.InRange(counts[DataSplit.Test] / (double)Rows, 0.09, 0.11);
    }

    [Fact]
    public void Assign_DifferentSeed_ChangesSomeAssignments()
    {
        var ids = Enumerable.Range(0, 1_000).Select(i => $"row-{i}").ToArray();
        var changed = ids.Count(id => DataSplit.Assign(id, Default, seed: 0) != DataSplit.Assign(id, Default, seed: 1));
        Assert.InRange(changed, 200, 500);
    }

    [Fact]
    public void Assign_ZeroTestShare_NeverGivesTest()
    {
        var ratios = new SplitRatios(0.5, 0.5, 0);
        Assert.DoesNotContain(DataSplit.Test, Enumerable.Range(0, 10_000).Select(i => DataSplit.Assign($"row-{i}", ratios)));
    }

    [Fact]
    public void Assign_AllTrain_GivesTrain()
    {
        var ratios = new SplitRatios(1, 0, 0);
        Assert.All(Enumerable.Range(0, 1_000), i => Assert.Equal(DataSplit.Train, DataSplit.Assign($"row-{i}", ratios)));
    }

    [Fact]
    public void Summarise_Splits_CountsEachAndKeepsEmptyOnes()
    {
        var counts = DataSplit.Summarise(["train", "train", "test", "holdout"]);

        Assert.Equal(2, counts[DataSplit.Train]);
        Assert.Equal(0, counts[DataSplit.Dev]);
        Assert.Equal(1, counts[DataSplit.Test]);
        Assert.Equal(1, counts["holdout"]);
    }
}
