namespace Distributed.Abstractions.Captioning;

/// <summary>A row that did not get a description, and why.</summary>
/// <param name="ManifestPath">The manifest file.</param>
/// <param name="RowIndex">0-based row number in that file.</param>
/// <param name="RowId">The row's id, when it could be read.</param>
/// <param name="Reason">snake_case code (e.g. <c>missing_file</c>, <c>undecodable_image</c>, <c>http_429</c>).</param>
/// <param name="Message">A message naming the input.</param>
/// <param name="Permanent">Permanent failures count as done; transient ones are retried by the next run.</param>
[GenerateSerializer, Immutable, Alias("Distributed.RowFailure")]
public sealed record RowFailure(
    [property: Id(0)] string ManifestPath,
    [property: Id(1)] long RowIndex,
    [property: Id(2)] string? RowId,
    [property: Id(3)] string Reason,
    [property: Id(4)] string Message,
    [property: Id(5)] bool Permanent);

/// <summary>What one shard did.</summary>
[GenerateSerializer, Immutable, Alias("Distributed.ShardResult")]
public sealed record ShardResult(
    [property: Id(0)] int Index,
    [property: Id(1)] CaptionCounts Counts,
    [property: Id(2)] IReadOnlyList<RowFailure> Failures);
