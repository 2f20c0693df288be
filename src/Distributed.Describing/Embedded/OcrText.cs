using System.Text;

namespace Distributed.Describing.Embedded;

/// <summary>
/// Cleans Tesseract output. <see cref="DropSymbolLines"/> removes lines without a letter or digit (what Tesseract
/// reads into shapes and edges, e.g. <c>| — ~</c>); <see cref="Normalize"/> turns control characters into spaces,
/// collapses whitespace runs and trims.
/// </summary>
public static class OcrText
{
    /// <summary>The lines of <paramref name="text"/> that hold at least one letter or digit, joined by newlines.</summary>
    public static string DropSymbolLines(string? text) =>
        string.Join('\n', (text ?? "").Split('\n').Where(line => line.Any(char.IsLetterOrDigit)));

    /// <summary>The normalised text (empty for null).</summary>
    public static string Normalize(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        var pendingSpace = false;
        foreach (var c in text ?? "")
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
