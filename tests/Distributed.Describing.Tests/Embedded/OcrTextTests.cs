using Distributed.Describing.Embedded;

namespace Distributed.Describing.Tests.Embedded;

public sealed class OcrTextTests
{
    [Theory]
    [InlineData("  SO\n\nHAPPY \t\f", "SO HAPPY")]
    [InlineData("\n", "")]
    [InlineData(null, "")]
    [InlineData("ROOM 204", "ROOM 204")]
    public void Normalize_Text_TrimmedAndCollapsed(string? raw, string expected) => Assert.Equal(expected, OcrText.Normalize(raw));

    [Fact]
    public void DropSymbolLines_ShapeNoise_Removed() =>
        Assert.Equal("WE WON\nBUS 42", OcrText.DropSymbolLines("| —\nWE WON\n~ ~\n\nBUS 42\n"));
}
