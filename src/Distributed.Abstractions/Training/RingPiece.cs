namespace Distributed.Abstractions.Training;

/// <summary>One piece of a ring chunk sent over grain calls: raw little-endian float32 bytes.</summary>
/// <param name="FromRank">The sending rank (the receiver's previous rank).</param>
/// <param name="Sequence">The piece's number on this link, 0, 1, 2, ... across all chunks; the receiver checks it.</param>
/// <param name="EndOfChunk">Whether this is the chunk's last piece, so the receiver can tell when lengths disagree.</param>
/// <param name="Bytes">The piece's bytes (a multiple of 4; never modified after sending, hence <c>Immutable</c>).</param>
[GenerateSerializer, Immutable, Alias("Distributed.RingPiece")]
public sealed record RingPiece(
    [property: Id(0)] int FromRank,
    [property: Id(1)] long Sequence,
    [property: Id(2)] bool EndOfChunk,
    [property: Id(3)] byte[] Bytes);
