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

    /// <summary>Signal sets from /proc/PID/status as bit masks (bit N-1 for signal N); null if the process is gone.</summary>
    public static SignalMasks? Signals(int pid)
    {
        try
        {
            ulong pending = 0, blocked = 0, ignored = 0, caught = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0) continue;
                var value = line[(colon + 1)..].Trim();
                switch (line[..colon])
                {
                    case "SigPnd" or "ShdPnd": pending |= Convert.ToUInt64(value, 16); break;
                    case "SigBlk": blocked = Convert.ToUInt64(value, 16); break;
                    case "SigIgn": ignored = Convert.ToUInt64(value, 16); break;
                    case "SigCgt": caught = Convert.ToUInt64(value, 16); break;
                }
            }
            return new SignalMasks(pending, blocked, ignored, caught);
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

internal readonly record struct SignalMasks(ulong Pending, ulong Blocked, ulong Ignored, ulong Caught)
{
    public static bool Has(ulong mask, int signal) => (mask & (1UL << (signal - 1))) != 0;

    /// <summary>SIGCHLD, SIGCONT, SIGURG and SIGWINCH are discarded by default (SIGCONT also continues a stopped process).</summary>
    public static bool DefaultIsIgnore(int signal) => signal is 17 or 18 or 23 or 28;
}
