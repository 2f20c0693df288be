using static TorchSharp.torch;

namespace Distributed.Learning.Training;

/// <summary>Validated in-memory encoded rows, all of <see cref="SequenceLength"/> tokens.</summary>
public sealed class EncodedDataset
{
    private readonly EncodedExample[] _rows;

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
        }

        _rows = [.. rows];
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

    /// <summary>The rows at <paramref name="indices"/> as tensors in the caller's dispose scope.</summary>
    public TrainingBatch Batch(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var length = SequenceLength;
        var ids = new long[indices.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        var labels = new long[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var row = _rows[indices[i]];
            row.InputIds.CopyTo(ids, i * length);
            row.AttentionMask.CopyTo(mask, i * length);
            row.TokenTypeIds.CopyTo(types, i * length);
            labels[i] = row.Label;
        }

        long[] shape = [indices.Count, length];
        return new TrainingBatch(tensor(ids, shape), tensor(mask, shape), tensor(types, shape), tensor(labels));
    }
}
