using System.Security.Cryptography;
using System.Text;

namespace Distributed.Describing.Prompt;

/// <summary>
/// A versioned description prompt: a template with a post-text placeholder plus the output JSON schema.
/// <see cref="Version"/> is the first 16 lowercase hex digits of sha256(template + "\n" + schema JSON), so any edit
/// to either gives new description keys. <see cref="Default"/> is the paper's four-step prompt with
/// <see cref="DescriptionSchema.Json"/>. Template line endings are normalised to LF first.
/// </summary>
public sealed class DescriptionPrompt
{
    private DescriptionPrompt(string template, string schemaJson)
    {
        // A CRLF checkout must not change the version: line endings are LF before hashing.
        Template = template.ReplaceLineEndings("\n");
        SchemaJson = schemaJson;
        Version = ComputeVersion(Template, schemaJson);
    }

    /// <summary>The paper's four-step prompt (<see cref="DescriptionPromptTemplate.Text"/>) and the shared schema.</summary>
    public static DescriptionPrompt Default { get; } = new(DescriptionPromptTemplate.Text, DescriptionSchema.Json);

    /// <summary>The template text; <see cref="DescriptionPromptTemplate.PostTextPlaceholder"/> marks the post text.</summary>
    public string Template { get; }

    /// <summary>The output JSON schema (for <c>response_format.json_schema.schema</c>).</summary>
    public string SchemaJson { get; }

    /// <summary>16 lowercase hex digits identifying template + schema.</summary>
    public string Version { get; }

    /// <summary>Whether the rendered prompt contains the post text (then the post is part of the description key).</summary>
    public bool UsesPostText => Template.Contains(DescriptionPromptTemplate.PostTextPlaceholder, StringComparison.Ordinal);

    /// <summary>
    /// A prompt from another template and schema (experiments, tests). The template may omit the placeholder, which
    /// makes the prompt image-only.
    /// </summary>
    public static DescriptionPrompt Create(string template, string schemaJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaJson);
        return new DescriptionPrompt(template, schemaJson);
    }

    /// <summary>First 16 lowercase hex digits of sha256(UTF-8 of <paramref name="template"/> + "\n" + <paramref name="schemaJson"/>).</summary>
    public static string ComputeVersion(string template, string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(schemaJson);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(template + "\n" + schemaJson));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>The user-message text: the template with the post text (trimmed; empty when null) in place.</summary>
    public string Render(string? postText) =>
        Template.Replace(DescriptionPromptTemplate.PostTextPlaceholder, (postText ?? "").Trim(), StringComparison.Ordinal);

    /// <summary>
    /// Checks a reply against the shared three-field schema (<see cref="DescriptionReplyValidator"/>); a prompt made by
    /// <see cref="Create"/> must ask for the same fields.
    /// </summary>
    public ReplyValidation Validate(string? replyText) => DescriptionReplyValidator.Validate(replyText);
}
