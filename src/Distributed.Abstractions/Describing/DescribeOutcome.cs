namespace Distributed.Abstractions.Describing;

/// <summary>How a describe attempt failed, which decides whether it is stored.</summary>
public enum FailureKind
{
    /// <summary>It succeeded.</summary>
    None,

    /// <summary>Stored as an error record and counted as done (bad image, reply that breaks the schema twice).</summary>
    Permanent,

    /// <summary>Never stored as done; the next run retries it (timeout, 429/5xx after retries, unreachable server).</summary>
    Transient,
}

/// <summary>The three fields of a description.</summary>
[GenerateSerializer, Immutable, Alias("Distributed.DescriptionFields")]
public sealed record DescriptionFields(
    [property: Id(0)] string Ocr,
    [property: Id(1)] string VisualScene,
    [property: Id(2)] string Reasoning);

/// <summary>The result of describing one image. Expected failures are values, not exceptions.</summary>
/// <param name="Fields">The description; null when it failed.</param>
/// <param name="RawJson">The backend's raw reply text (kept for failures too), or the embedded describer's JSON.</param>
/// <param name="Failure">None, Permanent or Transient.</param>
/// <param name="ErrorReason">A short snake_case code when it failed (e.g. <c>invalid_reply</c>, <c>http_429</c>, <c>timeout</c>).</param>
/// <param name="ErrorMessage">A human-readable message when it failed; names the input.</param>
/// <param name="LatencyMs">Wall time of the backend call(s), retries included.</param>
/// <param name="Model">The model that answered.</param>
[GenerateSerializer, Immutable, Alias("Distributed.DescribeOutcome")]
public sealed record DescribeOutcome(
    [property: Id(0)] DescriptionFields? Fields,
    [property: Id(1)] string RawJson,
    [property: Id(2)] FailureKind Failure,
    [property: Id(3)] string? ErrorReason,
    [property: Id(4)] string? ErrorMessage,
    [property: Id(5)] double LatencyMs,
    [property: Id(6)] string Model)
{
    public static DescribeOutcome Success(DescriptionFields fields, string rawJson, double latencyMs, string model) =>
        new(fields, rawJson, FailureKind.None, null, null, latencyMs, model);

    public static DescribeOutcome Failed(FailureKind kind, string reason, string message, string rawJson, double latencyMs, string model) =>
        new(null, rawJson, kind, reason, message, latencyMs, model);
}
