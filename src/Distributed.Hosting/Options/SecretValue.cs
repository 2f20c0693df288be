namespace Distributed.Hosting.Options;

/// <summary>
/// A secret setting given either inline (from the environment, e.g. <c>Tls__CertificatePassword</c>) or as a file that
/// holds it (<c>...File</c> keys: Kubernetes secret volumes, Docker secrets). The file's content is used with one trailing
/// newline removed; giving both is an error, so a stale inline value cannot silently win. The file key is always the
/// inline key followed by <c>File</c>.
/// </summary>
public static class SecretValue
{
    /// <summary>The secret, or null when neither is set (file content less one trailing newline).</summary>
    /// <exception cref="InvalidOperationException">Both are set, or the file does not exist; the message names the keys, never the value.</exception>
    public static string? Resolve(string? inline, string? file, string key) => Storage.Blobs.SecretFile.Resolve(inline, file, key);

    /// <summary>Validation errors for a secret pair: both set, or a named file that does not exist.</summary>
    public static IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Check(string? inline, string? file, string inlineMember, string fileMember)
    {
        if (!string.IsNullOrEmpty(inline) && !string.IsNullOrEmpty(file))
        {
            yield return new(
                $"is set together with {inlineMember}: give the secret once (inline from the environment, or as a file)", [fileMember]);
        }

        if (!string.IsNullOrEmpty(file) && !File.Exists(file))
        {
            yield return new("the file does not exist", [fileMember]);
        }
    }
}
