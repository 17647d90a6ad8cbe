namespace IpcPlayground.Contracts.Events;

/// <summary>The kinds of event a run sends, as a closed set (<see cref="EventKinds"/> spells them on the wire).</summary>
public enum EventKind
{
    RunStart,
    ProcessStart,
    Syscall,
    Blocked,
    Signal,
    Paused,
    State,
    ProcessExit,
    Limit,
    Error,
    RunEnd,
}

/// <summary>The <c>kind</c> values of events, as the contract spells them.</summary>
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

    public static string NameOf(EventKind kind) => kind switch
    {
        EventKind.RunStart => RunStart,
        EventKind.ProcessStart => ProcessStart,
        EventKind.Syscall => Syscall,
        EventKind.Blocked => Blocked,
        EventKind.Signal => Signal,
        EventKind.Paused => Paused,
        EventKind.State => State,
        EventKind.ProcessExit => ProcessExit,
        EventKind.Limit => Limit,
        EventKind.Error => Error,
        EventKind.RunEnd => RunEnd,
    };
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
