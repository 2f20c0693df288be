using Distributed.Describing.Embedded;

namespace Distributed.Describing.Tests.Embedded;

/// <summary>OCR tests skip when libtesseract is missing, except under CI=true, where they fail.</summary>
internal static class OcrRequirement
{
    public static void SkipUnlessAvailable()
    {
        if (TesseractLibrary.MissingReason is not { } reason)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI=true and OCR is unavailable: " + reason);
        }

        Skip.If(true, reason);
    }
}
