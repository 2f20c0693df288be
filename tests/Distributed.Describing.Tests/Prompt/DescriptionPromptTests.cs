using System.Text.Json;
using Distributed.Describing.Prompt;

namespace Distributed.Describing.Tests.Prompt;

public sealed class DescriptionPromptTests
{
    // Computed once from the shipped template and schema; a change here means every stored key changes.
    private const string GoldenVersion = "4fcc1724e629a71f";

    [Fact]
    public void Version_DefaultPrompt_MatchesPinnedGoldenValue() =>
        Assert.Equal(GoldenVersion, DescriptionPrompt.Default.Version);

    [Fact]
    public void Version_DefaultPrompt_IsSixteenLowercaseHexDigits() =>
        Assert.Matches("^[0-9a-f]{16}$", DescriptionPrompt.Default.Version);

    [Fact]
    public void Version_SameInputs_IsStable() =>
        Assert.Equal(
            DescriptionPrompt.Create(DescriptionPromptTemplate.Text, DescriptionSchema.Json).Version,
            DescriptionPrompt.Default.Version);

    [Fact]
    public void Version_TemplateChanged_Changes() =>
        Assert.NotEqual(
            DescriptionPrompt.Default.Version,
            DescriptionPrompt.Create(DescriptionPromptTemplate.Text + " ", DescriptionSchema.Json).Version);

    [Fact]
    public void Version_SchemaChanged_Changes() =>
        Assert.NotEqual(
            DescriptionPrompt.Default.Version,
            DescriptionPrompt.Create(DescriptionPromptTemplate.Text, DescriptionSchema.Json.Replace("false", "true", StringComparison.Ordinal)).Version);

    [Fact]
    public void Version_CrlfTemplate_SameAsLf() =>
        Assert.Equal(
            DescriptionPrompt.Default.Version,
            DescriptionPrompt.Create(DescriptionPromptTemplate.Text.Replace("\n", "\r\n", StringComparison.Ordinal), DescriptionSchema.Json).Version);

    [Fact]
    public void ComputeVersion_KnownInput_IsSha256PrefixOfTemplateNewlineSchema() =>
        Assert.Equal(Sha256Prefix("a\nb"), DescriptionPrompt.ComputeVersion("a", "b"));

    [Fact]
    public void UsesPostText_DefaultPrompt_IsTrue() => Assert.True(DescriptionPrompt.Default.UsesPostText);

    [Fact]
    public void UsesPostText_TemplateWithoutPlaceholder_IsFalse() =>
        Assert.False(DescriptionPrompt.Create("Describe the image.", DescriptionSchema.Json).UsesPostText);

    [Fact]
    public void Render_PostText_ReplacesPlaceholderOnce()
    {
        var rendered = DescriptionPrompt.Default.Render("  what a great day!  ");

        Assert.Contains("<<<\nwhat a great day!\n>>>", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain(DescriptionPromptTemplate.PostTextPlaceholder, rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NullPostText_LeavesEmptyMarkers() =>
        Assert.Contains("<<<\n\n>>>", DescriptionPrompt.Default.Render(null), StringComparison.Ordinal);

    [Fact]
    public void Template_DefaultPrompt_NamesTheFourStepsAndThreeFields()
    {
        var template = DescriptionPrompt.Default.Template;

        foreach (var part in new[] { "OCR understanding", "Visual scene analysis", "Cross-modal integration", "High-level reasoning", "\"ocr\"", "\"visual_scene\"", "\"reasoning\"" })
        {
            Assert.Contains(part, template, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SchemaJson_Default_IsStrictObjectWithThreeRequiredStrings()
    {
        using var schema = JsonDocument.Parse(DescriptionPrompt.Default.SchemaJson);
        var root = schema.RootElement;

        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["ocr", "visual_scene", "reasoning"], root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.All(root.GetProperty("properties").EnumerateObject(), p => Assert.Equal("string", p.Value.GetProperty("type").GetString()));
        Assert.Equal(3, root.GetProperty("properties").EnumerateObject().Count());
    }

    private static string Sha256Prefix(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
}
