using System.Text;

namespace Distributed.Learning.Text;

/// <summary>
/// Renders a <see cref="DescriptionText"/> as one string, fields in the fixed order ocr, visual_scene, reasoning,
/// each behind its marker ("ocr: ", "scene: ", "reasoning: ") and joined by " | " (default). Only the selected fields
/// are rendered (default <see cref="DescriptionFieldSet.All"/>); blank fields are skipped; runs of whitespace become
/// one space. Renders "" when nothing remains.
/// </summary>
public sealed class DescriptionRenderer
{
    /// <summary>The default separator between fields.</summary>
    public const string DefaultSeparator = " | ";

    private static readonly (DescriptionFieldSet Field, string Marker)[] Layout =
    [
        (DescriptionFieldSet.Ocr, "ocr: "),
        (DescriptionFieldSet.VisualScene, "scene: "),
        (DescriptionFieldSet.Reasoning, "reasoning: "),
    ];

    private readonly string _separator;

    /// <summary>Creates a renderer for <paramref name="fields"/>, joining with <paramref name="separator"/>.</summary>
    public DescriptionRenderer(DescriptionFieldSet fields = DescriptionFieldSet.All, string separator = DefaultSeparator)
    {
        ArgumentNullException.ThrowIfNull(separator);
        Fields = fields & DescriptionFieldSet.All;
        _separator = separator;
    }

    /// <summary>The fields rendered.</summary>
    public DescriptionFieldSet Fields { get; }

    /// <summary>
    /// Parses a comma-separated list of field names (<c>ocr</c>, <c>visual_scene</c>/<c>scene</c>, <c>reasoning</c>,
    /// or <c>all</c>/<c>none</c>), case-insensitive.
    /// </summary>
    public static DescriptionFieldSet ParseFields(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fields = DescriptionFieldSet.None;
        foreach (var name in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            fields |= name.ToUpperInvariant() switch
            {
                "ALL" => DescriptionFieldSet.All,
                "NONE" => DescriptionFieldSet.None,
                "OCR" => DescriptionFieldSet.Ocr,
                "VISUAL_SCENE" or "SCENE" or "VISUALSCENE" => DescriptionFieldSet.VisualScene,
                "REASONING" => DescriptionFieldSet.Reasoning,
                _ => throw new FormatException($"Unknown description field '{name}' (ocr, visual_scene, reasoning, all, none)."),
            };
        }

        return fields;
    }

    /// <summary>The rendered description; "" when no selected field has text.</summary>
    public string Render(DescriptionText description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var builder = new StringBuilder();
        foreach (var (field, marker) in Layout)
        {
            var text = Normalize(Value(description, field));
            if (!Fields.HasFlag(field) || text.Length == 0)
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? string.Empty : _separator).Append(marker).Append(text);
        }

        return builder.ToString();
    }

    private static string? Value(DescriptionText description, DescriptionFieldSet field) => field switch
    {
        DescriptionFieldSet.Ocr => description.Ocr,
        DescriptionFieldSet.VisualScene => description.VisualScene,
        _ => description.Reasoning,
    };

    private static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? string.Empty
            : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
