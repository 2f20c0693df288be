using Distributed.Describing.Prompt;

namespace Distributed.Describing.OpenAi;

/// <summary>
/// What the OpenAI-compatible describer needs from a prompt: the versioned template, the output JSON schema and
/// the check of a model's reply against that schema. <see cref="DescriptionPromptAdapter"/> serves a
/// <see cref="DescriptionPrompt"/> through it.
/// </summary>
public interface IDescriptionPrompt
{
    /// <summary>Hash of template + schema (16 lowercase hex); part of the description key.</summary>
    string Version { get; }

    /// <summary>Whether <see cref="Render"/> puts the post text into the prompt (then the post is part of the key).</summary>
    bool UsesPostText { get; }

    /// <summary>The schema's name, sent as <c>response_format.json_schema.name</c>.</summary>
    string SchemaName { get; }

    /// <summary>The output JSON schema (a JSON object), sent as <c>response_format.json_schema.schema</c>.</summary>
    string SchemaJson { get; }

    /// <summary>The user message text for one post.</summary>
    string Render(string postText);

    /// <summary>Parses and checks one reply of the model (reasons <c>not_json</c>, <c>schema_violation</c>).</summary>
    ReplyValidation Validate(string reply);
}
