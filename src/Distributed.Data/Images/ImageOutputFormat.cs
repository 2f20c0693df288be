namespace Distributed.Data.Images;

/// <summary>Encoding of a loaded image; PNG by default.</summary>
public enum ImageOutputFormat
{
    /// <summary>Lossless PNG (<c>image/png</c>); the default.</summary>
    Png = 0,

    /// <summary>JPEG (<c>image/jpeg</c>) at <see cref="ImageLoadOptions.JpegQuality"/>; transparency is flattened onto white.</summary>
    Jpeg = 1,
}
