using Distributed.Learning.Text;

namespace Distributed.Learning.Tests.Text;

public sealed class DescriptionRendererTests
{
    private static readonly DescriptionText Full = new("  SALE\n50%  off ", "a shop\twindow", "the sign is ironic");

    [Fact]
    public void Render_AllFields_FixedOrderWithMarkersAndNormalisedWhitespace() =>
        Assert.Equal("ocr: SALE 50% off | scene: a shop window | reasoning: the sign is ironic",
            new DescriptionRenderer().Render(Full));

    [Fact]
    public void Render_SelectedFields_RendersOnlyThoseInFixedOrder() =>
        Assert.Equal("scene: a shop window; reasoning: the sign is ironic",
            new DescriptionRenderer(DescriptionFieldSet.Reasoning | DescriptionFieldSet.VisualScene, "; ").Render(Full));

    [Fact]
    public void Render_BlankFields_AreSkipped() =>
        Assert.Equal("reasoning: calm",
            new DescriptionRenderer().Render(new DescriptionText(null, " \n\t", "calm")));

    [Fact]
    public void Render_NothingSelectedOrPresent_ReturnsEmpty()
    {
        Assert.Equal("", new DescriptionRenderer(DescriptionFieldSet.None).Render(Full));
        Assert.Equal("", new DescriptionRenderer().Render(new DescriptionText("", null, "  ")));
    }

    [Theory]
    [InlineData("ocr, visual_scene", DescriptionFieldSet.Ocr | DescriptionFieldSet.VisualScene)]
    [InlineData("Reasoning,scene", DescriptionFieldSet.Reasoning | DescriptionFieldSet.VisualScene)]
    [InlineData("all", DescriptionFieldSet.All)]
    [InlineData("none", DescriptionFieldSet.None)]
    public void ParseFields_Names_GivesFlags(string spec, DescriptionFieldSet expected) =>
        Assert.Equal(expected, DescriptionRenderer.ParseFields(spec));

    [Fact]
    public void ParseFields_UnknownName_Throws() =>
        Assert.Throws<FormatException>(() => DescriptionRenderer.ParseFields("ocr,caption"));
}
