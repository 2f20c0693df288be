using Distributed.Abstractions.Describing;

namespace Distributed.Storage.Tests.Descriptions;

/// <summary>Test records with every field set.</summary>
public static class Records
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static DescriptionKey Key(int image, string describer = "embedded-ocr-cues/1", string prompt = "0123456789abcdef") =>
        new(DescriptionKey.HashText($"image {image}"), image % 3 == 0 ? "" : DescriptionKey.HashText($"post {image}"), describer, prompt);

    public static DescriptionRecord Success(DescriptionKey key, DateTimeOffset created, string tag = "") => new(
        key,
        "model-a",
        $"ocr text {key.ImageSha256[..6]} {tag}",
        $"a scene {tag}",
        $"reasoning {tag}",
        $"{{\"ocr\":\"{tag}\"}}",
        created,
        12.5,
        null,
        null);

    public static DescriptionRecord Error(DescriptionKey key, DateTimeOffset created, string tag = "") => new(
        key,
        "model-a",
        null,
        null,
        null,
        $"not json {tag}",
        created,
        3.25,
        "invalid_reply",
        $"image {key.ImageSha256[..6]}: reply broke the schema twice {tag}");

    public static List<DescriptionRecord> Successes(IEnumerable<int> images, DateTimeOffset created, string tag = "") =>
        [.. images.Select(i => Success(Key(i), created, tag))];
}
