namespace Distributed.Data.Manifests;

/// <summary>
/// Physical path resolution (like POSIX <c>realpath</c>, but tolerant of missing tails): walks the components,
/// following each symlink and applying <c>..</c> to the resolved parent, so the result is the file the OS would open.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>Resolves <paramref name="path"/> (relative to the working folder if not rooted).</summary>
    public static string Resolve(string path)
    {
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(absolute)!;
        var current = root;
        var pending = new Stack<string>(Split(absolute[root.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many symbolic links while resolving '{path}'.");
            }

            foreach (var piece in Split(target).Reverse())
            {
                pending.Push(piece);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies below it (both resolved).</summary>
    public static bool IsInside(string path, string root)
    {
        var withSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return string.Equals(path, root, PathComparison) || path.StartsWith(withSeparator, PathComparison);
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
