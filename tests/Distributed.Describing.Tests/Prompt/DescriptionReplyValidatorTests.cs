using Distributed.Describing.Prompt;

namespace Distributed.Describing.Tests.Prompt;

public sealed class DescriptionReplyValidatorTests
{
    private const string ValidReply = """{"ocr":"SO HAPPY","visual_scene":"a bright beach","reasoning":"consistent, positive"}""";

    [Fact]
    public void Validate_ValidObject_ReturnsFields()
    {
        var result = DescriptionReplyValidator.Validate(ValidReply);

        Assert.True(result.IsValid);
        Assert.Equal(new("SO HAPPY", "a bright beach", "consistent, positive"), result.Fields);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void Validate_EmptyStrings_AreValid() =>
        Assert.True(DescriptionReplyValidator.Validate("""{"ocr":"","visual_scene":"","reasoning":""}""").IsValid);

    [Fact]
    public void Validate_FieldsInAnyOrder_AreValid() =>
        Assert.True(DescriptionReplyValidator.Validate("""{"reasoning":"r","ocr":"o","visual_scene":"v"}""").IsValid);

    [Fact]
    public void Validate_CodeFenceAndWhitespace_AreTolerated() =>
        Assert.True(DescriptionReplyValidator.Validate("\n```json\n" + ValidReply + "\n```\n").IsValid);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Sure! Here is the description: ocr = SO HAPPY")]
    [InlineData("""{"ocr":"a","visual_scene":"b","reasoning":"c" """)]
    [InlineData("""{"ocr":"a","visual_scene":"b","reasoning":"c"} trailing""")]
    public void Validate_NotJson_ReasonNotJson(string reply)
    {
        var result = DescriptionReplyValidator.Validate(reply);

        Assert.False(result.IsValid);
        Assert.Equal(ReplyValidation.NotJson, result.Reason);
    }

    [Fact]
    public void Validate_Null_ReasonNotJson() =>
        Assert.Equal(ReplyValidation.NotJson, DescriptionReplyValidator.Validate(null).Reason);

    [Theory]
    [InlineData("""["ocr","visual_scene","reasoning"]""", "expected an object")]
    [InlineData("\"just a string\"", "expected an object")]
    [InlineData("""{"ocr":"a","visual_scene":"b"}""", "missing field 'reasoning'")]
    [InlineData("""{"visual_scene":"b","reasoning":"c"}""", "missing field 'ocr'")]
    [InlineData("""{"ocr":"a","visual_scene":"b","reasoning":"c","mood":"d"}""", "unexpected field 'mood'")]
    [InlineData("""{"ocr":null,"visual_scene":"b","reasoning":"c"}""", "field 'ocr' is Null")]
    [InlineData("""{"ocr":"a","visual_scene":{"tone":"b"},"reasoning":"c"}""", "field 'visual_scene' is Object")]
    [InlineData("""{"ocr":"a","visual_scene":"b","reasoning":3}""", "field 'reasoning' is Number")]
    [InlineData("""{"ocr":"a","ocr":"a2","visual_scene":"b","reasoning":"c"}""", "duplicate field 'ocr'")]
    [InlineData("""{"OCR":"a","visual_scene":"b","reasoning":"c"}""", "unexpected field 'OCR'")]
    public void Validate_SchemaBroken_ReasonSchemaViolationNamingField(string reply, string detail)
    {
        var result = DescriptionReplyValidator.Validate(reply);

        Assert.Equal(ReplyValidation.SchemaViolation, result.Reason);
        Assert.Contains(detail, result.Detail, StringComparison.Ordinal);
        Assert.Null(result.Fields);
    }

    [Fact]
    public void Validate_ThroughPrompt_SameAsValidator() =>
        Assert.Equal(DescriptionReplyValidator.Validate(ValidReply), DescriptionPrompt.Default.Validate(ValidReply));
}
