using Distributed.Learning.Text;
using Distributed.Learning.Training;

namespace Distributed.Training.Experiments;

/// <summary>Turns experiment rows into the encoded datasets a variant trains and is scored on.</summary>
internal static class ExperimentEncoding
{
    /// <summary>
    /// Encodes <paramref name="rows"/> for <paramref name="variant"/>: the post alone or post + description (already
    /// shuffled for (g)); image inputs are attached only for the fusion architectures.
    /// </summary>
    public static EncodedDataset Encode(IReadOnlyList<ExperimentRow> rows, ExperimentVariant variant, PairEncoder encoder)
    {
        var withImages = variant.Architecture != VariantArchitecture.Text;
        var withDescription = variant.Input != VariantInput.Post;
        return new EncodedDataset(
            [.. rows.Select(r => Example(encoder.Encode(r.Text, withDescription ? r.Description : null), r, withImages))],
            encoder.MaxLength);
    }

    /// <summary>Encodes one text per row as a single segment (for embedding the post or the description alone).</summary>
    public static EncodedDataset EncodeAlone(
        IReadOnlyList<ExperimentRow> rows, Func<ExperimentRow, string> text, PairEncoder encoder, bool withImages) =>
        new([.. rows.Select(r => Example(encoder.Encode(text(r), null), r, withImages))], encoder.MaxLength);

    private static EncodedExample Example(EncodedPair pair, ExperimentRow row, bool withImages) => new(
        [.. pair.InputIds.Select(v => (long)v)],
        [.. pair.AttentionMask.Select(v => (long)v)],
        [.. pair.TokenTypeIds.Select(v => (long)v)],
        row.Label,
        withImages ? row.ImageFeatures : null,
        withImages ? row.ImageRegions : null);
}
