namespace IpcPlayground.Contracts.Experiments;

/// <summary>Where experiment paths may point: directories that exist inside every run's sandbox, and nowhere else.</summary>
public static class SandboxPaths
{
    public const string SharedRoot = "/sandbox/";
    public const string TmpRoot = "/tmp/";
    public const int MaxLength = 100;

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
        if (path.Any(c => char.IsControl(c)))
            return "a path may not contain control characters";
        return null;
    }
}
