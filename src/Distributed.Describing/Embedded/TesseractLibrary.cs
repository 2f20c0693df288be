using System.Runtime.InteropServices;

namespace Distributed.Describing.Embedded;

/// <summary>Finds out once whether <c>libtesseract.so.5</c> can be loaded, and says how to fix it when not.</summary>
public static class TesseractLibrary
{
    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>Null when the library loads; otherwise a message naming the library and the setup script.</summary>
    public static string? MissingReason => Problem.Value;

    /// <summary>Whether OCR is available on this machine.</summary>
    public static bool IsAvailable => Problem.Value is null;

    /// <summary>Throws <see cref="DllNotFoundException"/> with <see cref="MissingReason"/> when OCR is unavailable.</summary>
    public static void EnsureAvailable()
    {
        if (Problem.Value is { } reason)
        {
            throw new DllNotFoundException(reason);
        }
    }

    private static string? Probe()
    {
        if (NativeLibrary.TryLoad(TesseractNative.Library, out var handle))
        {
            NativeLibrary.Free(handle);
            return null;
        }

        return $"The embedded describer needs {TesseractNative.Library} (Tesseract OCR 5), which could not be loaded; " +
            "run tools/setup.sh (it installs the apt packages tesseract-ocr and tesseract-ocr-eng).";
    }
}
