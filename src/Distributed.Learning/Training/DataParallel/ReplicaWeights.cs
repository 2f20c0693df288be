using System.Security.Cryptography;
using System.Runtime.InteropServices;
using Distributed.Learning.Collective;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Distributed.Learning.Training.DataParallel;

/// <summary>
/// The replicas' weights as one flat float32 vector in <c>parameters()</c> order: broadcast from a root rank before
/// the first step, and fingerprinted (SHA-256 of the bytes) so a coordinator can check that every replica starts — and
/// stays — identical.
/// </summary>
public static class ReplicaWeights
{
    /// <summary>The parameters' values, concatenated.</summary>
    public static float[] Flatten(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var scope = NewDisposeScope();
        var flat = new float[parameters.Sum(p => p.numel())];
        var offset = 0;
        foreach (var parameter in parameters)
        {
            var values = parameter.detach().to(float32).cpu().contiguous().data<float>();
            values.CopyTo(flat, offset, 0);
            offset += (int)values.Count;
        }

        return flat;
    }

    /// <summary>SHA-256 (lower-case hex) of the parameters' float32 bytes in order.</summary>
    public static string Checksum(IReadOnlyList<Parameter> parameters) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(Flatten(parameters).AsSpan())));

    /// <summary>Overwrites every replica's parameters with <paramref name="root"/>'s, bit for bit.</summary>
    public static async Task BroadcastAsync(IReadOnlyList<Parameter> parameters, RingAllReduce ring, int root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var flat = Flatten(parameters);
        await ring.BroadcastAsync(flat, root, cancellationToken).ConfigureAwait(false);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var offset = 0;
        foreach (var parameter in parameters)
        {
            var count = (int)parameter.numel();
            parameter.copy_(tensor(flat.AsSpan(offset, count).ToArray(), parameter.shape).to(parameter.dtype, parameter.device));
            offset += count;
        }
    }
}
