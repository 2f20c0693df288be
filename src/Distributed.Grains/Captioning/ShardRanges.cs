using Distributed.Abstractions.Captioning;
using Distributed.Data.Manifests;

namespace Distributed.Grains.Captioning;

/// <summary>Converts between the manifest library's shard specs and the wire form grains pass around.</summary>
public static class ShardRanges
{
    public static ShardRange ToRange(this ShardSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ShardRange(spec.Index, spec.ManifestPath, spec.Format.ToString().ToLowerInvariant(), spec.StartByte,
            spec.EndByte, spec.FirstRow, spec.RowCount, spec.FirstLine, spec.FirstRowGroup, spec.RowGroupCount, spec.Split, spec.FileLength);
    }

    public static ShardSpec ToSpec(this ShardRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var format = Enum.Parse<ManifestFormat>(range.Format, ignoreCase: true);
        return new ShardSpec(range.Index, range.ManifestPath, format, range.StartByte, range.EndByte, range.FirstRow, range.RowCount)
        {
            FirstLine = range.FirstLine,
            FirstRowGroup = range.FirstRowGroup,
            RowGroupCount = range.RowGroupCount,
            Split = range.Split,
            FileLength = range.FileLength,
        };
    }
}
