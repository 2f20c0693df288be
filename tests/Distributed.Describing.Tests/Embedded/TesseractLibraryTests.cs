using Distributed.Describing.Embedded;

namespace Distributed.Describing.Tests.Embedded;

public sealed class TesseractLibraryTests
{
    [Fact]
    public void MissingReason_WhenUnavailable_NamesLibraryAndSetupScript()
    {
        Assert.Equal(TesseractLibrary.MissingReason is null, TesseractLibrary.IsAvailable);
        if (TesseractLibrary.MissingReason is { } reason)
        {
            Assert.Contains("libtesseract.so.5", reason, StringComparison.Ordinal);
            Assert.Contains("tools/setup.sh", reason, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void EnsureAvailable_Installed_DoesNotThrow()
    {
        Requirements.Tesseract();
        TesseractLibrary.EnsureAvailable();
    }
}
