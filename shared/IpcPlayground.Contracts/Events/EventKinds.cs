namespace IpcPlayground.Contracts.Events;

public static class EventKinds
{
    public const string RunStart = "run-start";
    public const string ProcessStart = "process-start";
    public const string Syscall = "syscall";
    public const string Blocked = "blocked";
    public const string Signal = "signal";
    public const string Paused = "paused";
    public const string State = "state";
    public const string ProcessExit = "process-exit";
    public const string Limit = "limit";
    public const string Error = "error";
    public const string RunEnd = "run-end";
}

/// <summary>The <c>status</c> of <c>run-end</c>.</summary>
public static class RunStatuses
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Timeout = "timeout";
    public const string Killed = "killed";
    public const string Limit = "limit";
}
