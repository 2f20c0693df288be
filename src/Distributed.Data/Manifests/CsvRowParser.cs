using System.Text;

namespace Distributed.Data.Manifests;

/// <summary>Parses one CSV data record against its header; every problem becomes a per-row error.</summary>
internal sealed class CsvRowParser(CsvHeader header)
{
    private readonly List<string> _fields = new(header.FieldCount);

    public ManifestEntry Parse(ReadOnlyMemory<byte> record, RowSource source, string? impliedSplit)
    {
        string text;
        try
        {
            text = CsvFields.StrictUtf8.GetString(record.Span);
        }
        catch (DecoderFallbackException)
        {
            return source.Error("the record is not valid UTF-8");
        }

        if (!CsvFields.TrySplit(text, _fields, out var problem))
        {
            return source.Error(problem!);
        }

        if (_fields.Count != header.FieldCount)
        {
            return source.Error($"expected {header.FieldCount} fields as in the header, found {_fields.Count}");
        }

        return RowFactory.Create(
            source, Field(header.Id), Field(header.Text), Field(header.Image), Field(header.Label), Field(header.Split),
            impliedSplit);
    }

    private string? Field(int column) => column < 0 ? null : _fields[column];
}
