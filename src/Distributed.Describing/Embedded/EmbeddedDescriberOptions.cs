namespace Distributed.Describing.Embedded;

/// <summary>Options of the embedded CPU describer.</summary>
public sealed record EmbeddedDescriberOptions
{
    /// <summary>Tesseract language(s), e.g. <c>eng</c> (default) or <c>eng+deu</c>; each needs its traineddata.</summary>
    public string Language { get; init; } = "eng";

    /// <summary>Folder holding <c>tessdata</c>; null (default) uses Tesseract's built-in path / TESSDATA_PREFIX.</summary>
    public string? DataPath { get; init; }

    /// <summary>Concurrent describe calls (one Tesseract engine each); default 1, as the grain layer runs one describer per worker.</summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Tesseract page segmentation mode; default 3 (fully automatic, Tesseract's own default).</summary>
    public int PageSegMode { get; init; } = TesseractNative.PageSegModeAuto;
}
