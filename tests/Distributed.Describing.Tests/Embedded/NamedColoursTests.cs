using Distributed.Describing.Embedded;

namespace Distributed.Describing.Tests.Embedded;

public sealed class NamedColoursTests
{
    [Theory]
    [InlineData(0, 0, 0, "black")]
    [InlineData(255, 255, 255, "white")]
    [InlineData(128, 128, 128, "grey")]
    [InlineData(245, 245, 220, "white")]
    [InlineData(220, 20, 30, "red")]
    [InlineData(255, 165, 0, "orange")]
    [InlineData(255, 230, 0, "yellow")]
    [InlineData(30, 160, 60, "green")]
    [InlineData(0, 200, 200, "cyan")]
    [InlineData(30, 60, 200, "blue")]
    [InlineData(128, 0, 128, "purple")]
    [InlineData(255, 105, 180, "pink")]
    [InlineData(255, 192, 203, "pink")]
    [InlineData(139, 69, 19, "brown")]
    public void Classify_KnownColour_Name(byte r, byte g, byte b, string name) =>
        Assert.Equal(name, NamedColours.Names[NamedColours.Classify(r, g, b)]);

    [Theory]
    [InlineData(255, 0, 0, 1)]
    [InlineData(255, 200, 0, 1)]
    [InlineData(0, 0, 255, -1)]
    [InlineData(0, 200, 200, -1)]
    [InlineData(0, 200, 0, 0)]
    [InlineData(128, 128, 128, 0)]
    public void Temperature_KnownColour_Sign(byte r, byte g, byte b, int sign) =>
        Assert.Equal(sign, NamedColours.Temperature(r, g, b));

    [Fact]
    public void ToHsv_Blue_Hue240() => Assert.Equal((240.0, 1.0, 1.0), NamedColours.ToHsv(0, 0, 255));
}
