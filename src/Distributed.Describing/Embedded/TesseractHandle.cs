using System.Runtime.InteropServices;

namespace Distributed.Describing.Embedded;

/// <summary>Owns one <c>TessBaseAPI*</c>; release ends and deletes it.</summary>
internal sealed class TesseractHandle : SafeHandle
{
    public TesseractHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessBaseAPIEnd(handle);
        TesseractNative.TessBaseAPIDelete(handle);
        return true;
    }
}
