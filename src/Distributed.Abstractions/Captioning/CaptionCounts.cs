namespace Distributed.Abstractions.Captioning;

/// <summary>Row counters of a shard or a job. Every row counts once: Rows = TextOnly + Described + Cached + Failed + Transient.</summary>
/// <param name="Rows">Rows read.</param>
/// <param name="TextOnly">Rows without an image (nothing to describe).</param>
/// <param name="Described">Rows described by this run (a success stored now).</param>
/// <param name="Cached">Rows whose description the store already had (or that an earlier row of the run described).</param>
/// <param name="Failed">Rows that failed permanently (bad row, missing or bad image, reply that broke the schema);
/// those with an image key are stored as error records.</param>
/// <param name="Transient">Rows that failed transiently (not stored; the next run retries them).</param>
/// <param name="DescriberCalls">Backend requests made (one image per request).</param>
[GenerateSerializer, Immutable, Alias("Distributed.CaptionCounts")]
public sealed record CaptionCounts(
    [property: Id(0)] long Rows = 0,
    [property: Id(1)] long TextOnly = 0,
    [property: Id(2)] long Described = 0,
    [property: Id(3)] long Cached = 0,
    [property: Id(4)] long Failed = 0,
    [property: Id(5)] long Transient = 0,
    [property: Id(6)] long DescriberCalls = 0)
{
    public static readonly CaptionCounts Zero = new();

    public static CaptionCounts operator +(CaptionCounts a, CaptionCounts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Rows + b.Rows, a.TextOnly + b.TextOnly, a.Described + b.Described, a.Cached + b.Cached,
            a.Failed + b.Failed, a.Transient + b.Transient, a.DescriberCalls + b.DescriberCalls);
    }

    public CaptionCounts Add(CaptionCounts other) => this + other;
}
