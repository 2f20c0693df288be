using static TorchSharp.torch;

namespace Distributed.Learning.Training;

/// <summary>Validated in-memory encoded rows, all of <see cref="SequenceLength"/> tokens.</summary>
public sealed class EncodedDataset
{
    private readonly EncodedExample[] _rows;
    private readonly int[] _usedLengths;

    /// <summary>Checks every row; throws <see cref="ArgumentException"/> naming the first bad row.</summary>
    public EncodedDataset(IReadOnlyList<EncodedExample> rows, int sequenceLength)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceLength);
        if (rows.Count == 0)
        {
            throw new ArgumentException("The dataset is empty: at least one row is required.", nameof(rows));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i] ?? throw new ArgumentException($"Row {i} is null.", nameof(rows));
            if (row.InputIds.Length != sequenceLength || row.AttentionMask.Length != sequenceLength
                || row.TokenTypeIds.Length != sequenceLength)
            {
                throw new ArgumentException(
                    $"Row {i} has lengths {row.InputIds.Length}/{row.AttentionMask.Length}/{row.TokenTypeIds.Length} " +
                    $"(ids/mask/types); every row must have {sequenceLength}.", nameof(rows));
            }

            if (row.Label < 0)
            {
                throw new ArgumentException($"Row {i} has negative label {row.Label}.", nameof(rows));
            }

            RequireLength(row.ImageFeatures, ImageInputs.FeatureSize, i, "image features", nameof(rows));
            RequireLength(row.ImageRegions, ImageInputs.RegionsLength, i, "image region features", nameof(rows));
        }

        _rows = [.. rows];
        _usedLengths = [.. _rows.Select(r => Array.FindLastIndex(r.AttentionMask, m => m != 0) + 1)];
        SequenceLength = sequenceLength;
    }

    /// <summary>Tokens per row.</summary>
    public int SequenceLength { get; }

    /// <summary>Number of rows.</summary>
    public int Count => _rows.Length;

    /// <summary>The rows, in order.</summary>
    public IReadOnlyList<EncodedExample> Rows => _rows;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first row whose label is not below <paramref name="classes"/>.</summary>
    public void RequireLabelsBelow(int classes, string paramName)
    {
        for (var i = 0; i < _rows.Length; i++)
        {
            if (_rows[i].Label >= classes)
            {
                throw new ArgumentException(
                    $"Row {i} has label {_rows[i].Label}, outside the label set of {classes} classes.", paramName);
            }
        }
    }

    /// <summary>
    /// The rows at <paramref name="indices"/> as tensors in the caller's dispose scope, trimmed to the longest real row
    /// of the batch (dynamic padding): padding is masked in attention and pooling, so the result equals that of the
    /// full-length batch up to float rounding, at a fraction of the cost for short rows.
    /// </summary>
    public TrainingBatch Batch(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var length = 1;
        foreach (var index in indices)
        {
            length = Math.Max(length, _usedLengths[index]);
        }

        var ids = new long[indices.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        var labels = new long[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var row = _rows[indices[i]];
            row.InputIds.AsSpan(0, length).CopyTo(ids.AsSpan(i * length));
            row.AttentionMask.AsSpan(0, length).CopyTo(mask.AsSpan(i * length));
            row.TokenTypeIds.AsSpan(0, length).CopyTo(types.AsSpan(i * length));
            labels[i] = row.Label;
        }

        long[] shape = [indices.Count, length];
        var (features, hasFeatures) = Stack(indices, r => r.ImageFeatures, [ImageInputs.FeatureSize]);
        var (regions, hasRegions) = Stack(indices, r => r.ImageRegions, [ImageInputs.RegionCount, ImageInputs.FeatureSize]);
        return new TrainingBatch(tensor(ids, shape), tensor(mask, shape), tensor(types, shape), tensor(labels),
            features, regions, hasFeatures, hasRegions);
    }

    /// <summary>
    /// The selected rows' image input as [B, ..rowShape] float32 (zeros for rows without it) with a [B] presence mask,
    /// or two nulls when no selected row has it.
    /// </summary>
    private (Tensor? Values, Tensor? Present) Stack(
        IReadOnlyList<int> indices, Func<EncodedExample, float[]?> select, long[] rowShape)
    {
        if (!indices.Any(i => select(_rows[i]) is not null))
        {
            return (null, null);
        }

        var width = (int)rowShape.Aggregate(1L, (a, b) => a * b);
        var values = new float[indices.Count * width];
        var present = new float[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            if (select(_rows[indices[i]]) is { } row)
            {
                row.CopyTo(values, i * width);
                present[i] = 1;
            }
        }

        return (tensor(values, [indices.Count, .. rowShape]), tensor(present));
    }

    private static void RequireLength(float[]? values, int expected, int row, string what, string paramName)
    {
        if (values is not null && values.Length != expected)
        {
            throw new ArgumentException(
                $"Row {row} has {values.Length} {what}; expected {expected} (or none for a text-only row).", paramName);
        }
    }
}
