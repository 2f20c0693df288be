namespace Distributed.Training.Vision;

/// <summary>Image bytes and the name errors give them (a path, URL or row id).</summary>
/// <param name="Name">Named in every error about this image.</param>
/// <param name="Bytes">The original, untrusted image bytes.</param>
public sealed record NamedImage(string Name, byte[] Bytes);
