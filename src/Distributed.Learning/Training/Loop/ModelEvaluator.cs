using Distributed.Learning.Evaluation;
using static TorchSharp.torch;

namespace Distributed.Learning.Training;

/// <summary>Predicted label indices (row order) and their scores.</summary>
public sealed record EvaluationResult(IReadOnlyList<int> Predictions, ClassificationReport Report);

/// <summary>Batched evaluation of an <see cref="AffectModel"/> in eval mode under no_grad.</summary>
public static class ModelEvaluator
{
    /// <summary>
    /// Predicts every row of <paramref name="data"/> (argmax of the logits) in batches of <paramref name="batchSize"/>
    /// (default 64) and scores them against <paramref name="labels"/>. Leaves the model in eval mode.
    /// </summary>
    public static EvaluationResult Evaluate(
        AffectModel model, EncodedDataset data, IReadOnlyList<string> labels, int batchSize = 64)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        data.RequireLabelsBelow(labels.Count, nameof(data));
        model.eval();
        var predictions = new List<int>(data.Count);
        using (no_grad())
        {
            for (var start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var indices = Enumerable.Range(start, Math.Min(batchSize, data.Count - start)).ToArray();
                var batch = data.Batch(indices);
                var logits = model.ForwardBatch(batch).Logits;
                predictions.AddRange(logits.argmax(1).data<long>().Select(p => (int)p));
            }
        }

        var truth = data.Rows.Select(r => r.Label).ToArray();
        return new EvaluationResult(predictions, ClassificationMetrics.Compute(truth, predictions, labels));
    }
}
