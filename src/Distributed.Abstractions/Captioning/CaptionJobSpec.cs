namespace Distributed.Abstractions.Captioning;

/// <summary>What a caption job describes, with what, into which store.</summary>
/// <param name="Dataset">Absolute path of a manifest file (.jsonl, .csv, .parquet) or a folder with train/dev/test.jsonl.</param>
/// <param name="Store">Description store URI: a folder path, <c>file://</c>, or <c>az://container/prefix</c>.</param>
/// <param name="Describer">Name of the describer endpoints to use (each describer silo registers its own; default <c>embedded</c>).</param>
/// <param name="ShardRows">Rows per shard. Default 1,000.</param>
/// <param name="MaxParallelShards">Shards running at once. Default 4.</param>
/// <param name="RetryFailed">Describe again images whose stored record is a permanent error. Default false.</param>
[GenerateSerializer, Immutable, Alias("Distributed.CaptionJobSpec")]
public sealed record CaptionJobSpec(
    [property: Id(0)] string Dataset,
    [property: Id(1)] string Store,
    [property: Id(2)] string Describer = "embedded",
    [property: Id(3)] int ShardRows = 1000,
    [property: Id(4)] int MaxParallelShards = 4,
    [property: Id(5)] bool RetryFailed = false);
