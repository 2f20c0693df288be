using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training.DataParallel;

/// <summary>
/// A test stand-in for the ring all-reduce: W ranks on W threads post copies of their gradients, wait for all, and
/// each writes back the sum over ranks taken in rank order (the same arithmetic on every rank, so bit-identical).
/// </summary>
internal sealed class SummingAllReduce(int worldSize) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly Barrier _barrier = new(worldSize);
    private readonly float[][][] _posted = new float[worldSize][][];

    /// <summary>The reduced (summed) gradient of every call, flattened over the parameters, in call order.</summary>
    public List<float[]> Reduced { get; } = [];

    public Func<IReadOnlyList<Parameter>, CancellationToken, Task> ForRank(int rank) => (parameters, _) =>
    {
        _posted[rank] = [.. parameters.Select(p => p.grad!.data<float>().ToArray())];
        Wait(rank);
        var reduced = new List<float>();
        using (NewDisposeScope())
        using (no_grad())
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                var sum = new float[_posted[0][i].Length];
                for (var r = 0; r < worldSize; r++)
                {
                    var grad = _posted[r][i];
                    for (var k = 0; k < sum.Length; k++)
                    {
                        sum[k] += grad[k];
                    }
                }

                parameters[i].grad!.copy_(tensor(sum, parameters[i].shape));
                reduced.AddRange(sum);
            }
        }

        if (rank == 0)
        {
            Reduced.Add([.. reduced]);
        }

        Wait(rank); // nobody posts the next step's gradients before everyone has read these
        return Task.CompletedTask;
    };

    public void Dispose() => _barrier.Dispose();

    private void Wait(int rank)
    {
        if (!_barrier.SignalAndWait(Timeout))
        {
            throw new TimeoutException($"Rank {rank}: all-reduce timed out.");
        }
    }
}
