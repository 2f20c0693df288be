using static TorchSharp.torch;

namespace Distributed.Learning.Training.DataParallel;

/// <summary>
/// An <see cref="IPooledExchange"/> group for W ranks running on W threads of one process (tests, single-machine
/// runs): a <see cref="Barrier"/>-based all-gather. Each rank copies its rows to a managed array in a slot, waits for
/// all ranks, then builds the concatenation in rank order in its own dispose scope, so no tensor crosses threads.
/// Slots alternate between two rounds: a rank can be at most one round ahead of the slowest (the barrier holds it),
/// so it never overwrites a slot another rank is still reading. Get each rank's endpoint with <see cref="ForRank"/>.
/// </summary>
public sealed class InProcessPooledExchange : IDisposable
{
    private readonly Barrier _barrier;
    private readonly (float[] Values, int Width)?[][] _slots;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the group; a rank that waits longer than <paramref name="timeout"/> (default infinite) throws <see cref="TimeoutException"/>.</summary>
    public InProcessPooledExchange(int worldSize, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(worldSize);
        WorldSize = worldSize;
        _barrier = new Barrier(worldSize);
        _slots = [new (float[], int)?[worldSize], new (float[], int)?[worldSize]];
        _timeout = timeout ?? Timeout.InfiniteTimeSpan;
    }

    /// <summary>Number of ranks.</summary>
    public int WorldSize { get; }

    /// <summary>The endpoint of <paramref name="rank"/>; use it from that rank's thread only.</summary>
    public IPooledExchange ForRank(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, WorldSize);
        return new Endpoint(this, rank);
    }

    /// <summary>Disposes the barrier.</summary>
    public void Dispose() => _barrier.Dispose();

    private sealed class Endpoint(InProcessPooledExchange group, int rank) : IPooledExchange
    {
        private long _round;

        public Tensor AllGather(Tensor? local)
        {
            if (local is not null)
            {
                ArgumentOutOfRangeException.ThrowIfNotEqual(local.dim(), 2L, nameof(local));
            }

            var slots = group._slots[_round++ % 2];
            slots[rank] = local is null
                ? ([], 0)
                : (local.detach().to(float32).cpu().contiguous().data<float>().ToArray(), (int)local.shape[1]);
            if (!group._barrier.SignalAndWait(group._timeout))
            {
                throw new TimeoutException($"Rank {rank}: the other ranks did not post pooled rows within {group._timeout}.");
            }

            var posted = slots.Select(s => s!.Value).ToArray();
            var width = posted.Max(p => p.Width);
            if (posted.Any(p => p.Values.Length > 0 && p.Width != width))
            {
                throw new InvalidOperationException($"Ranks posted pooled rows of different widths: {string.Join(", ", posted.Select(p => p.Width))}.");
            }

            var all = posted.SelectMany(p => p.Values).ToArray();
            return tensor(all, [width == 0 ? 0 : all.Length / width, width]);
        }
    }
}
