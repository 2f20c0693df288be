using Distributed.Learning.Training.DataParallel;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training.DataParallel;

public sealed class InProcessPooledExchangeTests
{
    [Fact]
    public void AllGather_ThreeRanksTwoRounds_EveryRankGetsAllRowsInRankOrder()
    {
        using var group = new InProcessPooledExchange(3, TimeSpan.FromMinutes(1));
        int[] counts = [2, 0, 1]; // rank 1 has no rows and posts null
        var results = new float[3][][];
        var shapes = new List<long[]>[3];
        var failures = new Exception?[3];
        var threads = Enumerable.Range(0, 3).Select(rank => new Thread(() =>
        {
            try
            {
                var endpoint = group.ForRank(rank);
                results[rank] = new float[2][];
                shapes[rank] = [];
                for (var round = 0; round < 2; round++)
                {
                    using var scope = NewDisposeScope();
                    var local = counts[rank] == 0 ? null : full(counts[rank], 2, 10 * round + rank, float32);
                    var all = endpoint.AllGather(local);
                    shapes[rank].Add(all.shape);
                    results[rank][round] = all.data<float>().ToArray();
                }
            }
            catch (Exception e)
            {
                failures[rank] = e;
            }
        })).ToArray();

        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(failures, Assert.Null);
        Assert.All(shapes, s => Assert.All(s, shape => Assert.Equal([3L, 2L], shape)));
        Assert.All(results, r => Assert.Equal([0f, 0, 0, 0, 2, 2], r[0]));
        Assert.All(results, r => Assert.Equal([10f, 10, 10, 10, 12, 12], r[1]));
    }

    [Fact]
    public void AllGather_OtherRanksNeverPost_ThrowsTimeout()
    {
        using var group = new InProcessPooledExchange(2, TimeSpan.FromMilliseconds(50));
        using var scope = NewDisposeScope();

        Assert.Throws<TimeoutException>(() => group.ForRank(0).AllGather(ones(1, 2)));
    }
}
