using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Training.Runs;

/// <summary>Class probabilities of a classifier for encoded rows (eval mode, no_grad, batched).</summary>
public static class ModelInference
{
    /// <summary>Softmax probabilities [rows][classes], in row order; leaves the model in eval mode.</summary>
    public static float[][] Probabilities(AffectClassifier model, EncodedDataset data, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        model.eval();
        var result = new List<float[]>(data.Count);
        var classes = model.Options.Classes;
        using (no_grad())
        {
            for (var start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var indices = Enumerable.Range(start, Math.Min(batchSize, data.Count - start)).ToArray();
                var batch = data.Batch(indices);
                var probabilities = nn.functional.softmax(model.forward(batch.InputIds, batch.AttentionMask, batch.TokenTypeIds), 1)
                    .cpu().data<float>().ToArray();
                for (var row = 0; row < indices.Length; row++)
                {
                    result.Add(probabilities.AsSpan(row * classes, classes).ToArray());
                }
            }
        }

        return [.. result];
    }

    /// <summary>The argmax of each row (first maximum on ties, as torch's argmax).</summary>
    public static int[] Argmax(float[][] probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return [.. probabilities.Select(p =>
        {
            var best = 0;
            for (var c = 1; c < p.Length; c++)
            {
                if (p[c] > p[best])
                {
                    best = c;
                }
            }

            return best;
        })];
    }
}
