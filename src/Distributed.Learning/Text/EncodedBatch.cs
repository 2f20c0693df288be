using TorchSharp;

namespace Distributed.Learning.Text;

/// <summary>
/// A batch of encoded rows as flat row-major <c>[BatchSize × SequenceLength]</c> arrays, ready for int64 tensors.
/// </summary>
public sealed record EncodedBatch(
    long[] InputIds,
    long[] AttentionMask,
    long[] TokenTypeIds,
    int BatchSize,
    int SequenceLength,
    int TruncatedRows)
{
    /// <summary>
    /// The three arrays as int64 tensors of shape [B, T] on <paramref name="device"/> (CPU by default); the caller owns
    /// and disposes them.
    /// </summary>
    public (torch.Tensor InputIds, torch.Tensor AttentionMask, torch.Tensor TokenTypeIds) ToTensors(torch.Device? device = null)
    {
        long[] shape = [BatchSize, SequenceLength];
        return (Tensor(InputIds), Tensor(AttentionMask), Tensor(TokenTypeIds));

        torch.Tensor Tensor(long[] values)
        {
            var cpu = torch.tensor(values, shape, dtype: torch.int64);
            if (device is null || device.type == DeviceType.CPU)
            {
                return cpu;
            }

            using (cpu)
            {
                return cpu.to(device);
            }
        }
    }
}
