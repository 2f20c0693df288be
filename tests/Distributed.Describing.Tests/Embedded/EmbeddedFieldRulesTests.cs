using Distributed.Describing.Embedded;
using Distributed.Describing.Prompt;

namespace Distributed.Describing.Tests.Embedded;

public sealed class EmbeddedFieldRulesTests
{
    [Fact]
    public void PromptVersion_IsHashOfRulesVersionAndSchema() =>
        Assert.Equal(DescriptionPrompt.ComputeVersion(EmbeddedFieldRules.RulesVersion, DescriptionSchema.Json), EmbeddedFieldRules.PromptVersion);

    [Fact]
    public void PromptVersion_DiffersFromVlmPrompt() =>
        Assert.NotEqual(DescriptionPrompt.Default.Version, EmbeddedFieldRules.PromptVersion);
}
