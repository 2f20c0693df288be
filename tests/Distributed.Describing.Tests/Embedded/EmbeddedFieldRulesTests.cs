using Distributed.Describing.Embedded;
using Distributed.Describing.Prompt;

namespace Distributed.Describing.Tests.Embedded;

public sealed class EmbeddedFieldRulesTests
{
    [Fact]
    public void PromptVersion_Default_IsHashOfRulesTextAndSchema() =>
        Assert.Equal(
            DescriptionPrompt.ComputeVersion(RulesVersionWith("eng", 3), DescriptionSchema.Json),
            EmbeddedFieldRules.PromptVersion);

    [Fact]
    public void PromptVersion_DiffersFromVlmPrompt() =>
        Assert.NotEqual(DescriptionPrompt.Default.Version, EmbeddedFieldRules.PromptVersion);

    [Fact]
    public void PromptVersionFor_OtherLanguageOrPageSegMode_Differs()
    {
        var defaults = new EmbeddedDescriberOptions();

        Assert.NotEqual(EmbeddedFieldRules.PromptVersion, EmbeddedFieldRules.PromptVersionFor(defaults with { Language = "eng+deu" }));
        Assert.NotEqual(EmbeddedFieldRules.PromptVersion, EmbeddedFieldRules.PromptVersionFor(defaults with { PageSegMode = 6 }));
        Assert.Equal(EmbeddedFieldRules.PromptVersion, EmbeddedFieldRules.PromptVersionFor(defaults with { MaxConcurrency = 4 }));
    }

    private static string RulesVersionWith(string language, int pageSegMode) =>
        $"{EmbeddedFieldRules.RulesVersion}; language={language}; psm={pageSegMode}";
}
