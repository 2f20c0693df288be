namespace Distributed.Data.Manifests;

/// <summary>A resolved image reference; <see cref="Reference"/> is the text as written in the manifest.</summary>
public abstract record ImageLocation(string Reference);

/// <summary>A local file; <paramref name="FullPath"/> is absolute with <c>..</c> and symlinks resolved.</summary>
public sealed record LocalImageFile(string Reference, string FullPath) : ImageLocation(Reference);

/// <summary>An Azure Blob object from <c>az://container/blob/name</c>.</summary>
public sealed record BlobImage(string Reference, string Container, string BlobName) : ImageLocation(Reference);

/// <summary>An http(s) URL whose host the policy allows.</summary>
public sealed record HttpImage(string Reference, Uri Uri) : ImageLocation(Reference);
