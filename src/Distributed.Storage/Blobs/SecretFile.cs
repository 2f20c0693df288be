namespace Distributed.Storage.Blobs;

/// <summary>A secret given inline (from the environment) or as a file that holds it (a mounted secret).</summary>
public static class SecretFile
{
    /// <summary>The inline value, or the file's content less one trailing newline; null when neither is set.</summary>
    /// <exception cref="InvalidOperationException">Both are set, or the file does not exist; the message names the keys, never the value.</exception>
    public static string? Resolve(string? inline, string? file, string key)
    {
        if (string.IsNullOrEmpty(file))
        {
            return string.IsNullOrEmpty(inline) ? null : inline;
        }

        if (!string.IsNullOrEmpty(inline))
        {
            throw new InvalidOperationException($"{key} and {key}File are both set: give the secret once.");
        }

        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{key}File = '{file}': the file does not exist.");
        }

        var text = File.ReadAllText(file);
        return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
    }
}
