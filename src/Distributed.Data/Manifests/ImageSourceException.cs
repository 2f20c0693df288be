namespace Distributed.Data.Manifests;

/// <summary>
/// An image reference that could not be resolved or fetched. <see cref="Reason"/> is a snake_case code from
/// <see cref="ImageSourceReasons"/>; <see cref="Permanent"/> failures are stored as done, transient ones are retried.
/// </summary>
public sealed class ImageSourceException : Exception
{
    public ImageSourceException()
        : this(ImageSourceReasons.InvalidReference, permanent: true, reference: string.Empty, "Invalid image reference.")
    {
    }

    public ImageSourceException(string message)
        : this(ImageSourceReasons.InvalidReference, permanent: true, reference: string.Empty, message)
    {
    }

    public ImageSourceException(string message, Exception innerException)
        : this(ImageSourceReasons.InvalidReference, permanent: true, reference: string.Empty, message, innerException)
    {
    }

    /// <summary>Creates the error for <paramref name="reference"/>; the message should name the reference.</summary>
    public ImageSourceException(string reason, bool permanent, string reference, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        Permanent = permanent;
        Reference = reference;
    }

    /// <summary>snake_case reason code, e.g. <c>path_outside_dataset</c>.</summary>
    public string Reason { get; }

    /// <summary>True when retrying cannot help.</summary>
    public bool Permanent { get; }

    /// <summary>The image reference as written in the manifest.</summary>
    public string Reference { get; }

    internal static ImageSourceException Permanently(string reason, string reference, string detail, Exception? inner = null) =>
        new(reason, permanent: true, reference, $"Image '{reference}': {detail} ({reason}).", inner);

    internal static ImageSourceException Transiently(string reason, string reference, string detail, Exception? inner = null) =>
        new(reason, permanent: false, reference, $"Image '{reference}': {detail} ({reason}).", inner);
}
