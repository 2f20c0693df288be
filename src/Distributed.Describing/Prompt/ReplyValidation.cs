using Distributed.Abstractions.Describing;

namespace Distributed.Describing.Prompt;

/// <summary>
/// The result of checking a describer's reply against <see cref="DescriptionSchema"/>: the fields when valid,
/// otherwise a reason code (<see cref="NotJson"/> or <see cref="SchemaViolation"/>) and a detail naming the field.
/// </summary>
/// <param name="Fields">The description; null when invalid.</param>
/// <param name="Reason">Null when valid; else <c>not_json</c> or <c>schema_violation</c>.</param>
/// <param name="Detail">Null when valid; else what is wrong (e.g. <c>missing field 'ocr'</c>).</param>
public sealed record ReplyValidation(DescriptionFields? Fields, string? Reason, string? Detail)
{
    /// <summary>The reply is not a JSON value (or is empty).</summary>
    public const string NotJson = "not_json";

    /// <summary>The reply is JSON but not an object with exactly the three string fields.</summary>
    public const string SchemaViolation = "schema_violation";

    /// <summary>Whether the reply satisfied the schema.</summary>
    public bool IsValid => Fields is not null;

    /// <summary>A valid reply.</summary>
    public static ReplyValidation Valid(DescriptionFields fields) => new(fields, null, null);

    /// <summary>An invalid reply.</summary>
    public static ReplyValidation Invalid(string reason, string detail) => new(null, reason, detail);
}
