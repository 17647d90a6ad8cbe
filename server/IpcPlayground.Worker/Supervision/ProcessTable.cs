namespace IpcPlayground.Worker.Supervision;

/// <summary>
/// Who is who in the run: each process's pid (kept after it ends, so kill(2) can tell a zombie from a reaped
/// process), the process of each pid, and which ends have been reported (a process's end is reported once, whoever
/// learns of it first: its own last frame, its parent's wait, the supervisor's reaping or the final kill).
/// </summary>
internal sealed class ProcessTable
{
    private readonly Dictionary<string, int> _pids = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _processByPid = [];
    private readonly HashSet<int> _exitReported = [];

    public void Add(string process, int pid)
    {
        _pids[process] = pid;
        _processByPid[pid] = process;
    }

    public bool Knows(string process) => _pids.ContainsKey(process);

    /// <summary>The pid of a process that has started, or 0.</summary>
    public int PidOf(string process) => _pids.GetValueOrDefault(process);

    public bool TryGetPid(string process, out int pid) => _pids.TryGetValue(process, out pid);

    public string? ProcessOf(int pid) => _processByPid.GetValueOrDefault(pid);

    public IEnumerable<int> Pids => _processByPid.Keys;

    /// <summary>True the first time only: the end of <paramref name="pid"/> is to be reported now.</summary>
    public bool FirstExitOf(int pid) => _exitReported.Add(pid);

    public bool ExitReported(int pid) => _exitReported.Contains(pid);
}
