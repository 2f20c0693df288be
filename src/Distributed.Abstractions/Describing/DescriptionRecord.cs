namespace Distributed.Abstractions.Describing;

/// <summary>
/// One row of the description store: a success (fields set, no error) or a permanent error record (error set).
/// Transient failures are never stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("Distributed.DescriptionRecord")]
public sealed record DescriptionRecord(
    [property: Id(0)] DescriptionKey Key,
    [property: Id(1)] string Model,
    [property: Id(2)] string? Ocr,
    [property: Id(3)] string? VisualScene,
    [property: Id(4)] string? Reasoning,
    [property: Id(5)] string RawJson,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] double LatencyMs,
    [property: Id(8)] string? ErrorReason,
    [property: Id(9)] string? ErrorMessage)
{
    public bool IsError => ErrorReason is not null;
}
