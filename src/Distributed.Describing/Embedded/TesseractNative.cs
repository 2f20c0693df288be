using System.Runtime.InteropServices;

namespace Distributed.Describing.Embedded;

/// <summary>
/// The part of libtesseract's C API (<c>capi.h</c>) the embedded describer uses. Strings cross as NUL-terminated
/// UTF-8 byte arrays, so every signature is blittable apart from the SafeHandle.
/// </summary>
/// <remarks>
/// <c>[DllImport]</c> rather than <c>[LibraryImport]</c>: the source-generated form needs
/// <c>AllowUnsafeBlocks</c> in the project file, which this project does not set.
/// </remarks>
internal static class TesseractNative
{
    /// <summary>The shared library name (Debian/Ubuntu package libtesseract5, pulled in by tesseract-ocr).</summary>
    public const string Library = "libtesseract.so.5";

    /// <summary>PSM_SINGLE_BLOCK: a single uniform block of text.</summary>
    public const int PageSegModeSingleBlock = 6;

    /// <summary>PSM_AUTO: fully automatic page segmentation, no OSD (Tesseract's default).</summary>
    public const int PageSegModeAuto = 3;

    /// <summary>PSM_SPARSE_TEXT: as much text as possible, in no particular order.</summary>
    public const int PageSegModeSparseText = 11;

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern TesseractHandle TessBaseAPICreate();

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int TessBaseAPIInit3(TesseractHandle handle, byte[]? dataPath, byte[] language);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int TessBaseAPISetVariable(TesseractHandle handle, byte[] name, byte[] value);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void TessBaseAPISetPageSegMode(TesseractHandle handle, int mode);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void TessBaseAPISetImage(
        TesseractHandle handle, byte[] imageData, int width, int height, int bytesPerPixel, int bytesPerLine);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void TessBaseAPISetSourceResolution(TesseractHandle handle, int ppi);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint TessBaseAPIGetUTF8Text(TesseractHandle handle);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void TessBaseAPIClear(TesseractHandle handle);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void TessDeleteText(nint text);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void TessBaseAPIEnd(nint handle);

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern void TessBaseAPIDelete(nint handle);
}
