using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training.Loop;

/// <summary><see cref="SyntheticAffect"/> rows as an <see cref="EncodedDataset"/>.</summary>
internal static class SyntheticData
{
    public static readonly string[] Labels = ["neutral", "cue"];

    public static EncodedDataset Create(int seed, int rows)
    {
        using var scope = NewDisposeScope();
        var batch = SyntheticAffect.Batch(new Random(seed), rows);
        var length = SyntheticAffect.SequenceLength;
        var ids = batch.InputIds.data<long>().ToArray();
        var mask = batch.AttentionMask.data<long>().ToArray();
        var types = batch.TokenTypeIds.data<long>().ToArray();
        var labels = batch.Labels.data<long>().ToArray();
        var examples = Enumerable.Range(0, rows).Select(r => new EncodedExample(
            ids[(r * length)..((r + 1) * length)], mask[(r * length)..((r + 1) * length)],
            types[(r * length)..((r + 1) * length)], (int)labels[r])).ToList();
        return new EncodedDataset(examples, length);
    }
}
