namespace Distributed.Data.Images;

/// <summary>
/// An image that can never be loaded (a permanent error): <see cref="Reason"/> is one of
/// <see cref="ImageRejectionReasons"/> and the message names the source.
/// </summary>
public sealed class ImageRejectedException : Exception
{
    /// <summary>Creates a rejection of <paramref name="sourceName"/> for <paramref name="reason"/>.</summary>
    public ImageRejectedException(string reason, string sourceName, string detail)
        : base($"Image '{sourceName}' rejected ({reason}): {detail}")
    {
        Reason = reason;
        SourceName = sourceName;
    }

    /// <summary>Creates a rejection with reason <c>undecodable_image</c> and an unnamed source.</summary>
    public ImageRejectedException()
        : this(ImageRejectionReasons.UndecodableImage, string.Empty, "unknown")
    {
    }

    /// <summary>Creates a rejection with reason <c>undecodable_image</c> and the given message.</summary>
    public ImageRejectedException(string message)
        : base(message)
    {
        Reason = ImageRejectionReasons.UndecodableImage;
        SourceName = string.Empty;
    }

    /// <summary>Creates a rejection with reason <c>undecodable_image</c>, the given message and cause.</summary>
    public ImageRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = ImageRejectionReasons.UndecodableImage;
        SourceName = string.Empty;
    }

    /// <summary>Snake_case code from <see cref="ImageRejectionReasons"/>.</summary>
    public string Reason { get; }

    /// <summary>The source named by the caller (a path, URL or row id).</summary>
    public string SourceName { get; }
}
