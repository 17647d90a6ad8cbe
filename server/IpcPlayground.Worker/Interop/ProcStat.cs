namespace IpcPlayground.Worker.Interop;

/// <summary>The kernel's view of a process from /proc: its scheduler state, and where it sleeps.</summary>
internal static class ProcStat
{
    /// <summary>The state letter of /proc/PID/stat (R, S, D, Z, T ...), or null if the process is gone.</summary>
    public static char? State(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close >= 0 && close + 2 < stat.Length ? stat[close + 2] : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static string? Wchan(int pid)
    {
        try
        {
            var wchan = File.ReadAllText($"/proc/{pid}/wchan").Trim();
            return wchan is "" or "0" ? null : wchan;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
