using Distributed.Training.Experiments;

namespace Distributed.Training.Tests.Experiments;

public sealed class DescriptionShuffleTests
{
    [Fact]
    public void Derange_DescribedRows_NoRowKeepsItsOwnAndTextOnlyRowsStayTextOnly()
    {
        var rows = SyntheticExperiment.Rows().Where(r => r.Split == ExperimentSplit.Train).ToList();
        var sources = new Dictionary<string, string>();

        var shuffled = DescriptionShuffle.Derange(rows, 3, sources);

        Assert.Equal(rows.Select(r => r.Id), shuffled.Select(r => r.Id));
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].HasDescription)
            {
                Assert.Null(shuffled[i].Description);
                continue;
            }

            var source = rows.Single(r => r.Id == sources[rows[i].Id]);
            Assert.NotEqual(rows[i].Id, source.Id);
            Assert.Equal(source.Description, shuffled[i].Description);
        }

        Assert.Equal(rows.Count(r => r.HasDescription), sources.Values.Distinct().Count());
    }

    [Fact]
    public void Derange_SameSeed_SameAssignment()
    {
        var rows = SyntheticExperiment.Rows();
        var first = DescriptionShuffle.Derange(rows, 9, new Dictionary<string, string>());
        var second = DescriptionShuffle.Derange(rows, 9, new Dictionary<string, string>());
        Assert.Equal(first.Select(r => r.Description), second.Select(r => r.Description));
    }
}
