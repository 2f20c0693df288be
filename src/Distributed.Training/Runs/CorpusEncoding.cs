using Distributed.Learning.Text;
using Distributed.Learning.Training;
using Distributed.Training.Corpus;

namespace Distributed.Training.Runs;

/// <summary>Corpus rows → fixed-length encoded examples (post text + rendered description).</summary>
public static class CorpusEncoding
{
    /// <summary>
    /// Encodes <paramref name="rows"/>; the label index is the row's position in <paramref name="labels"/> (rows with a
    /// label outside it, e.g. unlabelled rows to predict, get 0). Null when there are no rows.
    /// </summary>
    public static EncodedDataset? Encode(IReadOnlyList<CorpusRow> rows, PairEncoder encoder, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count == 0)
        {
            return null;
        }

        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var examples = rows.Select(row =>
        {
            var pair = encoder.Encode(row.Text, row.Description);
            return new EncodedExample(
                [.. pair.InputIds.Select(v => (long)v)],
                [.. pair.AttentionMask.Select(v => (long)v)],
                [.. pair.TokenTypeIds.Select(v => (long)v)],
                index.GetValueOrDefault(row.Label));
        }).ToList();
        return new EncodedDataset(examples, encoder.MaxLength);
    }

    /// <summary>
    /// How many of <paramref name="rows"/> do not fit <paramref name="encoder"/>'s budget: posts and descriptions cut to
    /// their share of <see cref="PairEncoder.MaxLength"/> (a too-long description is truncated, never an error).
    /// </summary>
    public static TruncationCounts Truncation(IEnumerable<CorpusRow> rows, PairEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(encoder);
        int posts = 0, descriptions = 0;
        foreach (var row in rows)
        {
            var pair = encoder.Encode(row.Text, row.Description);
            posts += pair.PostTruncated ? 1 : 0;
            descriptions += pair.DescriptionTruncated ? 1 : 0;
        }

        return new TruncationCounts(posts, descriptions, encoder.MaxLength);
    }
}

/// <summary>Rows whose post or description was cut to fit <paramref name="MaxLength"/> tokens.</summary>
public sealed record TruncationCounts(int Posts, int Descriptions, int MaxLength);
