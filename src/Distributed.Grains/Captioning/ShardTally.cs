using Distributed.Abstractions.Captioning;

namespace Distributed.Grains.Captioning;

/// <summary>Thread-safe counters and failures of one shard run.</summary>
internal sealed class ShardTally(string manifestPath)
{
    private readonly Lock _lock = new();
    private readonly List<RowFailure> _failures = [];
    private long _textOnly, _described, _cached, _failed, _transient;

    public void TextOnly() => Interlocked.Increment(ref _textOnly);

    public void Described()
    {
        Interlocked.Increment(ref _described);
        CaptionInstruments.ImagesDescribed.Add(1);
    }

    public void Cached()
    {
        Interlocked.Increment(ref _cached);
        CaptionInstruments.CacheHits.Add(1);
    }

    public void Fail(long rowIndex, string? rowId, string reason, string message, bool permanent)
    {
        Interlocked.Increment(ref permanent ? ref _failed : ref _transient);
        CaptionInstruments.Failures.Add(1, new("reason", reason), new("kind", permanent ? "permanent" : "transient"));
        lock (_lock)
        {
            _failures.Add(new RowFailure(manifestPath, rowIndex, rowId, reason, message, permanent));
        }
    }

    public CaptionCounts Counts(long describerCalls)
    {
        var (textOnly, described, cached) = (Interlocked.Read(ref _textOnly), Interlocked.Read(ref _described), Interlocked.Read(ref _cached));
        var (failed, transient) = (Interlocked.Read(ref _failed), Interlocked.Read(ref _transient));
        return new CaptionCounts(textOnly + described + cached + failed + transient, textOnly, described, cached, failed, transient, describerCalls);
    }

    public ShardResult Result(int shard, long describerCalls)
    {
        lock (_lock)
        {
            return new ShardResult(shard, Counts(describerCalls), [.. _failures.OrderBy(f => f.RowIndex)]);
        }
    }
}
