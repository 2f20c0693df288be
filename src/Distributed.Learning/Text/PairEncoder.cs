namespace Distributed.Learning.Text;

/// <summary>
/// Encodes "[CLS] post [SEP] description [SEP]" (RoBERTa: "&lt;s&gt; post &lt;/s&gt;&lt;/s&gt; description &lt;/s&gt;")
/// padded to <see cref="MaxLength"/>, splitting the content budget with <see cref="SegmentBudget"/>
/// (<see cref="PostShare"/> default 0.5). A null or blank description gives the single layout "[CLS] post [SEP]";
/// an empty post keeps the pair layout with an empty first segment. Segment ids: 0 for [CLS], the post and its [SEP],
/// 1 for the description and the final [SEP]; all 0 for RoBERTa. Padding has mask 0 and segment id 0.
/// </summary>
public sealed class PairEncoder
{
    private readonly TextTokenizer _tokenizer;

    /// <summary>Creates an encoder; <paramref name="maxLength"/> must leave room for at least one content token.</summary>
    public PairEncoder(TextTokenizer tokenizer, int maxLength, double postShare = 0.5)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxLength, tokenizer.SpecialTokenCount(pair: true));
        SegmentBudget.ValidateShare(postShare);
        _tokenizer = tokenizer;
        MaxLength = maxLength;
        PostShare = postShare;
    }

    /// <summary>Padded sequence length T.</summary>
    public int MaxLength { get; }

    /// <summary>Share of the content budget promised to the post when both sides are too long.</summary>
    public double PostShare { get; }

    /// <summary>Encodes one row.</summary>
    public EncodedPair Encode(string post, string? description)
    {
        ArgumentNullException.ThrowIfNull(post);
        var postIds = _tokenizer.Encode(post);
        var pair = !string.IsNullOrWhiteSpace(description);
        var descriptionIds = pair ? _tokenizer.Encode(description!) : [];
        var budget = MaxLength - _tokenizer.SpecialTokenCount(pair);
        var (postKept, descriptionKept) = SegmentBudget.Allocate(postIds.Length, descriptionIds.Length, budget, PostShare);

        var ids = new int[MaxLength];
        var types = new int[MaxLength];
        ids.AsSpan().Fill(_tokenizer.PadId);
        var at = 0;
        ids[at++] = _tokenizer.ClsId;
        postIds.AsSpan(0, postKept).CopyTo(ids.AsSpan(at));
        at += postKept;
        ids[at++] = _tokenizer.SepId;
        if (pair)
        {
            var segmentStart = at;
            if (_tokenizer.Family == TokenizerFamily.ByteLevelBpe)
            {
                ids[at++] = _tokenizer.SepId;
            }

            descriptionIds.AsSpan(0, descriptionKept).CopyTo(ids.AsSpan(at));
            at += descriptionKept;
            ids[at++] = _tokenizer.SepId;
            if (_tokenizer.UsesSegmentIds)
            {
                types.AsSpan(segmentStart, at - segmentStart).Fill(1);
            }
        }

        var mask = new int[MaxLength];
        mask.AsSpan(0, at).Fill(1);
        return new EncodedPair(ids, mask, types, at, postKept, descriptionKept,
            postKept < postIds.Length, descriptionKept < descriptionIds.Length);
    }

    /// <summary>Encodes rows into flat [B × MaxLength] int64 arrays.</summary>
    public EncodedBatch EncodeBatch(IReadOnlyList<(string Post, string? Description)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ids = new long[rows.Count * MaxLength];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        var truncated = 0;
        for (var row = 0; row < rows.Count; row++)
        {
            var encoded = Encode(rows[row].Post, rows[row].Description);
            var offset = row * MaxLength;
            for (var t = 0; t < MaxLength; t++)
            {
                ids[offset + t] = encoded.InputIds[t];
                mask[offset + t] = encoded.AttentionMask[t];
                types[offset + t] = encoded.TokenTypeIds[t];
            }

            truncated += encoded.Truncated ? 1 : 0;
        }

        return new EncodedBatch(ids, mask, types, rows.Count, MaxLength, truncated);
    }
}
