namespace Distributed.Storage.Blobs;

/// <summary>A write was attempted on a store opened read-only (<c>Store:ReadOnly = true</c> or <c>--read-only</c>).</summary>
public sealed class DescriptionStoreReadOnlyException : InvalidOperationException
{
    public DescriptionStoreReadOnlyException()
    {
    }

    public DescriptionStoreReadOnlyException(string message) : base(message)
    {
    }

    public DescriptionStoreReadOnlyException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The error for <paramref name="operation"/> on the store at <paramref name="location"/>.</summary>
    public static DescriptionStoreReadOnlyException For(string location, string operation) => new(
        $"The description store at '{location}' is open read-only (Store:ReadOnly = true / --read-only): {operation} is not allowed. " +
        "Open it without read-only mode, with write credentials, to change it.");
}
