using Distributed.Abstractions.Describing;
using Parquet;

namespace Distributed.Storage.Descriptions;

/// <summary>All columns of one row group of a segment, decoded, with row access.</summary>
internal sealed class RowGroupRows
{
    private string[] _image = [], _context = [], _describer = [], _prompt = [], _model = [], _ocr = [], _scene = [];
    private string[] _reasoning = [], _raw = [], _errorReason = [], _errorMessage = [], _origin = [];
    private DateTime[] _created = [];
    private double[] _latency = [];
    private int[] _kind = [], _originRow = [];

    public int Count { get; private init; }

    public static async Task<RowGroupRows> ReadAsync(ParquetReader reader, int group, CancellationToken cancellationToken)
    {
        using var g = reader.OpenRowGroupReader(group);
        var n = (int)g.RowCount;
        async Task<string[]> Strings(Parquet.Schema.DataField<string> field)
        {
            var values = new string[n];
            await g.ReadAsync(field, values, cancellationToken: cancellationToken).ConfigureAwait(false);
            return values;
        }

        async Task<T[]> Values<T>(Parquet.Schema.DataField<T> field)
            where T : struct
        {
            var values = new T[n];
            await g.ReadAsync<T>(field, values, cancellationToken: cancellationToken).ConfigureAwait(false);
            return values;
        }

        return new RowGroupRows
        {
            Count = n,
            _image = await Strings(SegmentSchema.ImageSha256).ConfigureAwait(false),
            _context = await Strings(SegmentSchema.ContextHash).ConfigureAwait(false),
            _describer = await Strings(SegmentSchema.DescriberId).ConfigureAwait(false),
            _prompt = await Strings(SegmentSchema.PromptVersion).ConfigureAwait(false),
            _model = await Strings(SegmentSchema.Model).ConfigureAwait(false),
            _ocr = await Strings(SegmentSchema.Ocr).ConfigureAwait(false),
            _scene = await Strings(SegmentSchema.VisualScene).ConfigureAwait(false),
            _reasoning = await Strings(SegmentSchema.Reasoning).ConfigureAwait(false),
            _raw = await Strings(SegmentSchema.RawJson).ConfigureAwait(false),
            _created = await Values(SegmentSchema.CreatedAt).ConfigureAwait(false),
            _latency = await Values(SegmentSchema.LatencyMs).ConfigureAwait(false),
            _errorReason = await Strings(SegmentSchema.ErrorReason).ConfigureAwait(false),
            _errorMessage = await Strings(SegmentSchema.ErrorMessage).ConfigureAwait(false),
            _kind = await Values(SegmentSchema.RecordKind).ConfigureAwait(false),
            _origin = await Strings(SegmentSchema.OriginSegment).ConfigureAwait(false),
            _originRow = await Values(SegmentSchema.OriginRow).ConfigureAwait(false),
        };
    }

    public StoredRow Row(int i)
    {
        var key = new DescriptionKey(_image[i] ?? "", _context[i] ?? "", _describer[i] ?? "", _prompt[i] ?? "");
        var created = new DateTimeOffset(DateTime.SpecifyKind(_created[i], DateTimeKind.Utc));
        var record = new DescriptionRecord(
            key, _model[i] ?? "", _ocr[i], _scene[i], _reasoning[i], _raw[i] ?? "", created, _latency[i], _errorReason[i], _errorMessage[i]);
        return new StoredRow(record, _kind[i] == (int)RowKind.Tombstone, _origin[i], _originRow[i]);
    }
}
