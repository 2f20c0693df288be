namespace Distributed.Data.Manifests;

/// <summary>The snake_case reason codes of <see cref="ImageSourceException"/>.</summary>
public static class ImageSourceReasons
{
    /// <summary>A local path that escapes the manifest's folder and every allowed root (permanent).</summary>
    public const string PathOutsideDataset = "path_outside_dataset";

    /// <summary>An http(s) host that is not in the allow-list (permanent).</summary>
    public const string HttpNotAllowed = "http_not_allowed";

    /// <summary>A URI scheme other than file, az, http, https (permanent).</summary>
    public const string UnsupportedScheme = "unsupported_scheme";

    /// <summary>An empty or malformed reference (permanent).</summary>
    public const string InvalidReference = "invalid_reference";

    /// <summary>The file or object does not exist, or the server answered 404/410 (permanent).</summary>
    public const string MissingFile = "missing_file";

    /// <summary>The image has zero bytes (permanent).</summary>
    public const string EmptyFile = "empty_file";

    /// <summary>The image exceeds the byte cap (permanent).</summary>
    public const string ImageTooLarge = "image_too_large";

    /// <summary>An az:// reference with no blob source configured (permanent for this run's configuration).</summary>
    public const string AzNotConfigured = "az_not_configured";

    /// <summary>The file exists but may not be read (permanent).</summary>
    public const string AccessDenied = "access_denied";

    /// <summary>An I/O error while reading a local file (transient).</summary>
    public const string ReadFailed = "read_failed";

    /// <summary>An HTTP failure: transient for timeouts, network errors, 408, 429 and 5xx; permanent for other 4xx.</summary>
    public const string HttpError = "http_error";
}
