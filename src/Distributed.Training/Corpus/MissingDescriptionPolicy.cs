namespace Distributed.Training.Corpus;

/// <summary>What happens to an image row whose description is missing (not in the store, an error record, an unreadable image).</summary>
public enum MissingDescriptionPolicy
{
    /// <summary>Keep the row and train on its post text alone (the default).</summary>
    TextOnly,

    /// <summary>Leave the row out of the corpus.</summary>
    Skip,
}

/// <summary>Parsing of <see cref="MissingDescriptionPolicy"/> from its command-line spelling.</summary>
public static class MissingDescriptionPolicies
{
    /// <summary><c>skip</c> or <c>text-only</c> (case-insensitive); throws <see cref="ArgumentException"/> naming the option and value.</summary>
    public static MissingDescriptionPolicy Parse(string value) => value?.Trim().ToUpperInvariant() switch
    {
        "SKIP" => MissingDescriptionPolicy.Skip,
        "TEXT-ONLY" or "TEXT_ONLY" or "TEXTONLY" => MissingDescriptionPolicy.TextOnly,
        _ => throw new ArgumentException($"--missing '{value}': must be skip or text-only"),
    };

    /// <summary>The command-line spelling: <c>skip</c> or <c>text-only</c>.</summary>
    public static string Name(this MissingDescriptionPolicy policy) =>
        policy == MissingDescriptionPolicy.Skip ? "skip" : "text-only";
}
