namespace Distributed.Tests.Shared;

/// <summary>Tests that describe with the embedded describer need Tesseract (tools/setup.sh installs it); CI always has it.</summary>
public static class TesseractRequirement
{
    public static void Check()
    {
        if (File.Exists("/usr/lib/x86_64-linux-gnu/libtesseract.so.5"))
        {
            return;
        }

        const string Reason = "libtesseract.so.5 is not installed: run tools/setup.sh";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(Reason + " (CI=true: not skipping).");
        }

        throw new SkipException(Reason + ".");
    }
}
