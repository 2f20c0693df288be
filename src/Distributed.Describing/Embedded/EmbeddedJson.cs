using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Distributed.Abstractions.Describing;
using Distributed.Describing.Prompt;

namespace Distributed.Describing.Embedded;

/// <summary>Writes the three fields as the compact JSON object of <see cref="DescriptionSchema"/>, in schema order.</summary>
internal static class EmbeddedJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(DescriptionFields fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteString(DescriptionSchema.OcrField, fields.Ocr);
            writer.WriteString(DescriptionSchema.VisualSceneField, fields.VisualScene);
            writer.WriteString(DescriptionSchema.ReasoningField, fields.Reasoning);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
