using System.Security.Cryptography;
using System.Text;

namespace Distributed.Abstractions.Describing;

/// <summary>
/// The key of one description: (image sha256, context hash, describer id, prompt version). The context hash is the
/// sha256 of the post text when the describer's prompt reads the post, and empty when it does not; so changing the
/// prompt or the model leaves old descriptions valid under their old keys.
/// </summary>
/// <param name="ImageSha256">sha256 of the original image bytes, 64 lowercase hex digits.</param>
/// <param name="ContextHash">sha256 of the post text (64 lowercase hex), or empty when the prompt ignores the post.</param>
/// <param name="DescriberId">Backend, model and revision, e.g. <c>embedded-ocr-cues/1</c>, <c>openai:Qwen/Qwen2.5-VL-7B-Instruct</c>.</param>
/// <param name="PromptVersion">Hash of the prompt template and output schema (16 lowercase hex).</param>
[GenerateSerializer, Immutable, Alias("Distributed.DescriptionKey")]
public sealed record DescriptionKey(
    [property: Id(0)] string ImageSha256,
    [property: Id(1)] string ContextHash,
    [property: Id(2)] string DescriberId,
    [property: Id(3)] string PromptVersion)
{
    /// <summary>The key for an image and post under a describer; the post counts only when the prompt reads it.</summary>
    public static DescriptionKey For(string imageSha256, string? postText, DescriberIdentity describer)
    {
        ArgumentNullException.ThrowIfNull(describer);
        return new DescriptionKey(
            imageSha256,
            describer.UsesPostText ? HashText(postText ?? "") : "",
            describer.DescriberId,
            describer.PromptVersion);
    }

    /// <summary>sha256 of UTF-8 text as 64 lowercase hex digits.</summary>
    public static string HashText(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>One string form, <c>image|context|describer|prompt</c>, for logs, sorting and files.</summary>
    public override string ToString() => $"{ImageSha256}|{ContextHash}|{DescriberId}|{PromptVersion}";
}
