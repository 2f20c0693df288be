namespace Distributed.Learning.Text;

/// <summary>The three fields of a VLM image description; any may be null or empty.</summary>
public sealed record DescriptionText(string? Ocr, string? VisualScene, string? Reasoning);
