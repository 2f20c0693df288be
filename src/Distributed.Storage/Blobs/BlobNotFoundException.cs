namespace Distributed.Storage.Blobs;

/// <summary>A blob that was asked for does not exist.</summary>
public sealed class BlobNotFoundException : IOException
{
    public BlobNotFoundException()
    {
    }

    public BlobNotFoundException(string message)
        : base(message)
    {
    }

    public BlobNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exception for <paramref name="name"/> in <paramref name="location"/>.</summary>
    public static BlobNotFoundException For(string location, string name, Exception? inner = null) =>
        new($"Blob '{name}' does not exist in {location}.", inner);
}
