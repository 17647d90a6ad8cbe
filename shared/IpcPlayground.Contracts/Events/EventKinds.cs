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
    Output,
    Question,
    Answer,
    Outcome,
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
    public const string Output = "output";

    /// <summary>Predict mode: a held step's question, <c>answer</c> the person's prediction, <c>outcome</c> what the kernel did.</summary>
    public const string Question = "question";
    public const string Answer = "answer";
    public const string Outcome = "outcome";

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
        EventKind.Output => Output,
        EventKind.Question => Question,
        EventKind.Answer => Answer,
        EventKind.Outcome => Outcome,
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

    /// <summary>Extension: every living process was blocked in a call only another could end; the run was stopped then.</summary>
    public const string Deadlock = "deadlock";
}

/// <summary>The <c>disposition</c> of a <c>signal</c> event: what became of the signal.</summary>
public static class SignalDispositions
{
    /// <summary>The process's handler ran.</summary>
    public const string Handled = "handled";
    /// <summary>Blocked by the mask: it waits.</summary>
    public const string Pending = "pending";
    /// <summary>A standard signal sent while the same one was pending: it will be delivered once.</summary>
    public const string Merged = "merged";
    /// <summary>Discarded: the process ignores it.</summary>
    public const string Ignored = "ignored";
    /// <summary>Taken by sigtimedwait (a <c>waitSignal</c> step).</summary>
    public const string Waited = "waited";
    /// <summary>The default action: terminate (possibly with a core) or nothing, by the signal.</summary>
    public const string Default = "default";
}
