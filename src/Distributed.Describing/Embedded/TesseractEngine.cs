using System.Runtime.InteropServices;
using System.Text;

namespace Distributed.Describing.Embedded;

/// <summary>
/// One initialised Tesseract instance. Not thread-safe: a <see cref="TesseractEnginePool"/> hands each engine to
/// one caller at a time.
/// </summary>
internal sealed class TesseractEngine : IDisposable
{
    private readonly TesseractHandle _handle;

    private TesseractEngine(TesseractHandle handle) => _handle = handle;

    /// <summary>Creates and initialises an engine for <paramref name="language"/>; throws naming the fix when it cannot.</summary>
    public static TesseractEngine Create(string language, string? dataPath, int pageSegMode)
    {
        TesseractLibrary.EnsureAvailable();
        var handle = TesseractNative.TessBaseAPICreate();
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new InvalidOperationException($"TessBaseAPICreate returned null ({TesseractNative.Library}).");
        }

        if (TesseractNative.TessBaseAPIInit3(handle, dataPath is null ? null : Utf8(dataPath), Utf8(language)) != 0)
        {
            handle.Dispose();
            throw new InvalidOperationException(
                $"Tesseract could not load language '{language}' from {dataPath ?? "its default tessdata folder"}; " +
                $"run tools/setup.sh (apt packages tesseract-ocr tesseract-ocr-{language}).");
        }

        // Tesseract writes diagnostics ("Estimating resolution as ...") to stderr unless told otherwise.
        _ = TesseractNative.TessBaseAPISetVariable(handle, Utf8("debug_file"), Utf8("/dev/null"));
        TesseractNative.TessBaseAPISetPageSegMode(handle, pageSegMode);
        return new TesseractEngine(handle);
    }

    /// <summary>Recognises the text in 8-bit gray (1 byte/pixel) or RGBA (4 bytes/pixel) pixels, row-major, no padding.</summary>
    public string Recognize(OcrImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        TesseractNative.TessBaseAPISetImage(
            _handle, image.Pixels, image.Width, image.Height, image.BytesPerPixel, image.Width * image.BytesPerPixel);
        TesseractNative.TessBaseAPISetSourceResolution(_handle, image.PixelsPerInch);
        var text = TesseractNative.TessBaseAPIGetUTF8Text(_handle);
        try
        {
            return text == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(text) ?? "";
        }
        finally
        {
            if (text != IntPtr.Zero)
            {
                TesseractNative.TessDeleteText(text);
            }

            TesseractNative.TessBaseAPIClear(_handle);
        }
    }

    public void Dispose() => _handle.Dispose();

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value + "\0");
}
