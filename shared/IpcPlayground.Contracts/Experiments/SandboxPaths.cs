namespace IpcPlayground.Contracts.Experiments;

/// <summary>Where experiment paths may point: directories that exist inside every run's sandbox, and nowhere else.</summary>
public static class SandboxPaths
{
    public const string SharedRoot = "/sandbox/";
    public const string TmpRoot = "/tmp/";
    public const int MaxLength = 100;

    /// <summary>A Unix socket's address holds 108 bytes with its terminating NUL; every path of a run fits one.</summary>
    public const int MaxBytes = 107;

    /// <summary>Null when <paramref name="path"/> is a clean path inside the sandbox, else why it is not.</summary>
    public static string? Problem(string path)
    {
        if (path.Length is 0 or > MaxLength)
            return $"a path is 1 to {MaxLength} characters";
        if (!path.StartsWith(SharedRoot, StringComparison.Ordinal) && !path.StartsWith(TmpRoot, StringComparison.Ordinal))
            return $"a path must lie inside the sandbox, under {SharedRoot} or {TmpRoot}";
        var segments = path.Split('/');
        if (segments.Skip(1).Any(s => s is "" or "." or ".."))
            return "a path may not contain '..', '.' or empty segments";
        if (!StoredText.IsClean(path))
            return "a path may not contain control characters";
        if (System.Text.Encoding.UTF8.GetByteCount(path) > MaxBytes)
            return $"a path is at most {MaxBytes} bytes in UTF-8 (a Unix socket's address holds {MaxBytes + 1} with its terminating NUL)";
        return null;
    }
}
