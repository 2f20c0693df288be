using Distributed.Describing.Prompt;

namespace Distributed.Describing.OpenAi;

/// <summary>Serves a <see cref="DescriptionPrompt"/> (default <see cref="DescriptionPrompt.Default"/>) to the OpenAI describer.</summary>
public sealed class DescriptionPromptAdapter(DescriptionPrompt prompt) : IDescriptionPrompt
{
    /// <summary>The paper's prompt with the shared schema.</summary>
    public DescriptionPromptAdapter()
        : this(DescriptionPrompt.Default)
    {
    }

    public string Version => prompt.Version;

    public bool UsesPostText => prompt.UsesPostText;

    /// <summary>Always <see cref="DescriptionSchema.Name"/>: every prompt asks for the shared three fields.</summary>
    public string SchemaName => DescriptionSchema.Name;

    public string SchemaJson => prompt.SchemaJson;

    public string Render(string postText) => prompt.Render(postText);

    public ReplyValidation Validate(string reply) => prompt.Validate(reply);
}
