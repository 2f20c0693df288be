using Distributed.Learning.Evaluation;
using Distributed.Learning.Fusion;
using Distributed.Learning.Text;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Training.Experiments;

/// <summary>
/// The alignment diagnostics on a trained model and the test rows: mean cosine and linear CKA between two embeddings
/// of the same rows, matched and with the second side permuted by a seeded derangement (the chance level).
/// </summary>
internal static class ExperimentAlignment
{
    /// <summary>Late fusion: text-side embedding vs projected image embedding of the test rows with image features.</summary>
    public static AlignmentMeasure? TextImage(
        LateFusionClassifier model, IReadOnlyList<ExperimentRow> test, PairEncoder encoder, int seed, int batchSize)
    {
        var rows = test.Where(r => r.ImageFeatures is not null).ToList();
        if (rows.Count < 2)
        {
            return null;
        }

        var data = ExperimentEncoding.EncodeAlone(rows, r => r.Text, encoder, withImages: true);
        return Collect(model, data, batchSize, batch =>
        {
            var sides = model.EmbedModalities(batch);
            return (sides.Text, sides.Image);
        }, seed);
    }

    /// <summary>The method's model: embedding of the post alone vs of the description alone, test rows with a description.</summary>
    public static AlignmentMeasure? TextDescription(
        AffectModel model, IReadOnlyList<ExperimentRow> test, PairEncoder encoder, int seed, int batchSize)
    {
        var rows = test.Where(r => r.HasDescription).ToList();
        if (rows.Count < 2)
        {
            return null;
        }

        var posts = ExperimentEncoding.EncodeAlone(rows, r => r.Text, encoder, withImages: false);
        var descriptions = ExperimentEncoding.EncodeAlone(rows, r => r.Description!, encoder, withImages: false);
        using var scope = NewDisposeScope();
        return Measure(seed, Pooled(model, posts, batchSize), Pooled(model, descriptions, batchSize));
    }

    private static Tensor Pooled(AffectModel model, EncodedDataset data, int batchSize)
    {
        using var scope = NewDisposeScope();
        var (pooled, _) = Embed(model, data, batchSize, batch =>
        {
            var output = model.ForwardBatch(batch).Pooled;
            return (output, output);
        });
        return pooled.MoveToOuterDisposeScope();
    }

    private static AlignmentMeasure Collect(
        AffectModel model, EncodedDataset data, int batchSize, Func<TrainingBatch, (Tensor, Tensor)> embed, int seed)
    {
        using var scope = NewDisposeScope();
        var (x, y) = Embed(model, data, batchSize, embed);
        return Measure(seed, x, y);
    }

    private static (Tensor X, Tensor Y) Embed(
        AffectModel model, EncodedDataset data, int batchSize, Func<TrainingBatch, (Tensor, Tensor)> embed)
    {
        model.eval();
        using var noGrad = no_grad();
        var xs = new List<Tensor>();
        var ys = new List<Tensor>();
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var indices = Enumerable.Range(start, Math.Min(batchSize, data.Count - start)).ToArray();
            var (x, y) = embed(data.Batch(indices));
            xs.Add(x);
            ys.Add(y);
        }

        return (cat(xs, 0), cat(ys, 0));
    }

    private static AlignmentMeasure Measure(int seed, Tensor x, Tensor y)
    {
        var rows = (int)x.shape[0];
        var order = Derangement.Create(rows, seed);
        using var index = tensor(order.Select(i => (long)i).ToArray());
        using var shuffled = y.index_select(0, index);
        return new AlignmentMeasure(seed, rows,
            Alignment.MeanCosine(x, y), Alignment.MeanCosine(x, shuffled),
            Alignment.LinearCka(x, y), Alignment.LinearCka(x, shuffled));
    }
}
