using Distributed.Learning.Encoder;
using Distributed.Learning.Objectives;
using Distributed.Learning.Training;
using static TorchSharp.torch;

namespace Distributed.Learning.Tests.Training;

/// <summary>
/// A tiny learnable task on the Small profile: label 1 iff the cue token appears in the row. Rows are
/// [CLS] + random tokens (never the cue) + padding; positive rows carry the cue at a random real position.
/// </summary>
internal static class SyntheticAffect
{
    public const int Vocabulary = 128;
    public const int SequenceLength = 16;
    public const int BatchSize = 8;
    public const long CueToken = 5;

    private const long ClsToken = 1;
    private const long FirstOrdinaryToken = 6;

    /// <summary>A batch whose tensors belong to the caller's dispose scope.</summary>
    public static TrainingBatch Batch(Random random, int batchSize = BatchSize, int length = SequenceLength)
    {
        var ids = new long[batchSize * length];
        var mask = new long[batchSize * length];
        var labels = new long[batchSize];
        for (var row = 0; row < batchSize; row++)
        {
            var real = random.Next(length / 2, length + 1);
            var offset = row * length;
            for (var position = 0; position < real; position++)
            {
                ids[offset + position] = position == 0 ? ClsToken : random.NextInt64(FirstOrdinaryToken, Vocabulary);
                mask[offset + position] = 1;
            }

            labels[row] = random.Next(2);
            if (labels[row] == 1)
            {
                ids[offset + random.Next(1, real)] = CueToken;
            }
        }

        long[] shape = [batchSize, length];
        return new TrainingBatch(tensor(ids, shape), tensor(mask, shape), zeros(shape, int64), tensor(labels));
    }

    /// <summary>A Small-profile classifier with two classes; <paramref name="dropout"/> applies to encoder and head.</summary>
    public static AffectClassifier Model(double dropout = 0.1, PoolingKind pooling = PoolingKind.TokenSelection)
    {
        var config = BertConfig.Small(Vocabulary) with { HiddenDropoutProb = dropout, AttentionProbsDropoutProb = dropout };
        return new AffectClassifier(config, new AffectModelOptions(2, pooling, TopK: 8, Dropout: dropout));
    }

    /// <summary>The objective with the given uniformity weight.</summary>
    public static AffectObjective Objective(double lambda) => new(new AffectObjectiveOptions(lambda));

    /// <summary>The slice [from, to) of every tensor of <paramref name="batch"/>.</summary>
    public static TrainingBatch Slice(TrainingBatch batch, int from, int to) => new(
        batch.InputIds[from..to], batch.AttentionMask[from..to], batch.TokenTypeIds[from..to], batch.Labels[from..to]);

    /// <summary>Runs <paramref name="steps"/> full steps (one batch each) and returns their losses.</summary>
    public static List<StepLoss> Train(TrainingStep step, Random random, int steps)
    {
        var losses = new List<StepLoss>(steps);
        for (var i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            losses.Add(step.Accumulate(Batch(random), BatchSize));
            step.OptimizerStep();
        }

        return losses;
    }
}
