using System.Buffers;
using System.Numerics;

namespace Distributed.Learning.Collective;

/// <summary>
/// Sums a float32 buffer across all ranks of a ring, in place, so every rank ends with bit-identical results.
/// </summary>
/// <remarks>
/// <para><b>Algorithm.</b> The buffer is split into W segments by <see cref="RingSegments"/> (a fixed function of the
/// length and W, so all ranks agree). Reduce-scatter, W - 1 steps: at step s (0-based) rank r sends its partial sum of
/// segment (r - s) mod W to rank r + 1 and receives the partial sum of segment (r - s - 1) mod W from rank r - 1, adding it
/// into its own copy. After the last step rank r holds the complete sum of segment (r + 1) mod W: it is that segment's
/// owner. All-gather, W - 1 steps: at step s rank r sends segment (r + 1 - s) mod W (a complete sum) and receives segment
/// (r - s) mod W, overwriting its copy. Each rank sends and receives 2 (W - 1) / W of the buffer in total, whatever W.</para>
/// <para><b>Summation order.</b> Segment k starts at rank k and travels k, k + 1, ..., k + W - 1 (mod W); each rank adds
/// its own value to the running partial sum it received. Every element of segment k is therefore
/// <c>((x[k] + x[k+1]) + x[k+2]) + ... + x[k+W-1]</c> (ranks mod W), evaluated left to right in float32 (single IEEE
/// additions are commutative, so <c>own + received</c> equals <c>received + own</c> bit for bit).</para>
/// <para><b>Why every rank gets the same bits.</b> Each element's final value is computed exactly once, by its segment's
/// owner, in the fixed order above; the all-gather only copies those bits around the ring, never adds. So results do
/// not depend on the rank, on timing or on the transport, and repeat run to run for the same inputs. (They can differ
/// in the last bits from a sum in another order, such as rank 0 + 1 + ... + W - 1 for every element.)</para>
/// <para>W = 1 and an empty buffer are no-ops; empty segments (fewer elements than ranks) are skipped by both sender and
/// receiver, which agree on their lengths.</para>
/// </remarks>
public sealed class RingAllReduce(IRingTransport transport)
{
    /// <summary>
    /// Segments travel in pieces of this many floats (1 MiB), so a rank adds one received piece while the next is in
    /// flight. Both neighbours cut a segment the same way, so every piece is a whole transport chunk.
    /// </summary>
    public const int PieceFloats = 1 << 18;

    /// <summary>The transport this reduction runs over.</summary>
    public IRingTransport Transport { get; } = transport ?? throw new ArgumentNullException(nameof(transport));

    /// <summary>
    /// Replaces <paramref name="data"/> on every rank with the element-wise sum of all ranks' buffers. Every rank must
    /// call this with a buffer of the same length, in the same order relative to its other collective calls. If it is
    /// cancelled or fails, the buffer holds partial sums and chunks may still be in flight: discard the ring's transports.
    /// </summary>
    public async Task SumAsync(Memory<float> data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var worldSize = Transport.WorldSize;
        var rank = Transport.Rank;
        var length = data.Length;
        if (worldSize == 1 || length == 0)
        {
            return;
        }

        var scratch = ArrayPool<float>.Shared.Rent(Math.Min(PieceFloats, RingSegments.Length(length, worldSize, 0)));
        try
        {
            for (var step = 0; step < worldSize - 1; step++)
            {
                var send = Segment(data, Mod(rank - step, worldSize));
                var target = Segment(data, Mod(rank - step - 1, worldSize));
                await ExchangeAsync(send, target, scratch, cancellationToken).ConfigureAwait(false);
            }

            for (var step = 0; step < worldSize - 1; step++)
            {
                var send = Segment(data, Mod(rank + 1 - step, worldSize));
                var target = Segment(data, Mod(rank - step, worldSize));
                await ExchangeAsync(send, target, null, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Sends <paramref name="send"/> and receives into <paramref name="target"/> concurrently, piece by piece (a
    /// transport whose send completes only when the peer reads must not deadlock). With <paramref name="scratch"/> each
    /// received piece is added into the target as soon as it is in, while the next piece is still on the wire; without,
    /// pieces land in the target directly.
    /// </summary>
    private async Task ExchangeAsync(Memory<float> send, Memory<float> target, float[]? scratch, CancellationToken cancellationToken)
    {
        var sending = SendPiecesAsync(send, cancellationToken);
        try
        {
            await ReceivePiecesAsync(target, scratch, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The ring is broken: do not wait for a send the peer may never read; the caller discards the transports.
            _ = sending.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }

        await sending.ConfigureAwait(false);
    }

    private async Task ReceivePiecesAsync(Memory<float> target, float[]? scratch, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < target.Length; offset += PieceFloats)
        {
            var piece = target.Slice(offset, Math.Min(PieceFloats, target.Length - offset));
            if (scratch is null)
            {
                await Transport.ReceiveFromPreviousAsync(piece, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var received = scratch.AsMemory(0, piece.Length);
            await Transport.ReceiveFromPreviousAsync(received, cancellationToken).ConfigureAwait(false);
            Add(piece.Span, received.Span);
        }
    }

    private async Task SendPiecesAsync(ReadOnlyMemory<float> send, CancellationToken cancellationToken)
    {
        await Task.Yield();
        for (var offset = 0; offset < send.Length; offset += PieceFloats)
        {
            await Transport.SendToNextAsync(send.Slice(offset, Math.Min(PieceFloats, send.Length - offset)), cancellationToken).ConfigureAwait(false);
        }
    }

    private Memory<float> Segment(Memory<float> data, int index) => data.Slice(
        RingSegments.Offset(data.Length, Transport.WorldSize, index),
        RingSegments.Length(data.Length, Transport.WorldSize, index));

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;

    /// <summary>target[i] = target[i] + addend[i], one IEEE float32 addition per element (SIMD lanes add independently).</summary>
    private static void Add(Span<float> target, ReadOnlySpan<float> addend)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(target[i..]) + new Vector<float>(addend[i..])).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += addend[i];
        }
    }
}
