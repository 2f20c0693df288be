using Distributed.Abstractions.Describing;

namespace Distributed.Storage.Descriptions;

/// <summary>Checks what goes into the store; a bad record is rejected with a message that names it, before anything is written.</summary>
internal static class RecordValidation
{
    public static void Check(IReadOnlyList<DescriptionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw new ArgumentException($"Record {i} is null.", nameof(records));
            var problem = KeyProblem(record.Key)
                ?? (record.Model is null ? "Model is null" : null)
                ?? (record.RawJson is null ? "RawJson is null" : null)
                ?? (double.IsNaN(record.LatencyMs) ? "LatencyMs is NaN" : null)
                ?? (record.IsError && record.Ocr is not null ? "an error record carries description fields" : null);
            if (problem is not null)
            {
                throw new ArgumentException($"Record {i} ({record.Key?.ToString() ?? "no key"}): {problem}.", nameof(records));
            }
        }
    }

    public static DescriptionKey CheckKey(DescriptionKey? key, int index) =>
        KeyProblem(key) is { } problem ? throw new ArgumentException($"Key {index} ({key?.ToString() ?? "null"}): {problem}.", nameof(key)) : key!;

    private static string? KeyProblem(DescriptionKey? key) => key switch
    {
        null => "the key is null",
        { ImageSha256: null or "" } => "ImageSha256 is empty",
        { ContextHash: null } => "ContextHash is null (use empty when the prompt ignores the post)",
        { DescriberId: null or "" } => "DescriberId is empty",
        { PromptVersion: null or "" } => "PromptVersion is empty",
        _ => null,
    };
}
