using System.Runtime.InteropServices;

namespace Distributed.Storage.Blobs;

/// <summary>
/// Publishes a fully written temp file under its final name without ever replacing an existing file. On Unix this is
/// link(2) + unlink of the temp (atomic: EEXIST when the name exists). <see cref="File.Move(string, string, bool)"/>
/// is not used there because .NET checks for the target and then renames, which can overwrite a concurrent writer.
/// On Windows, MoveFileEx without REPLACE_EXISTING is already atomic.
/// </summary>
internal static partial class AtomicFile
{
    private const int EEXIST = 17;

    /// <summary>Returns false when <paramref name="target"/> already exists; the temp file is removed either way.</summary>
    public static bool TryPublish(string temp, string target)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                try
                {
                    File.Move(temp, target, overwrite: false);
                    return true;
                }
                catch (IOException) when (File.Exists(target))
                {
                    return false;
                }
            }

            if (Link(temp, target) == 0)
            {
                return true;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == EEXIST)
            {
                return false;
            }

            throw new IOException($"Could not publish '{target}' (link failed, errno {errno}).");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>A temp path in the target's folder (same file system, so link and rename work).</summary>
    public static string TempPathFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".tmp-{Guid.NewGuid():N}");

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);
}
