using IpcPlayground.Contracts.Events;

namespace IpcPlayground.Client.Services.Timeline;

/// <summary>What a mark on a swimlane stands for.</summary>
public enum MarkKind
{
    Start,
    Syscall,
    Signal,
    Exit,
    /// <summary>What an exec'd program wrote to a stream (an <c>output</c> event).</summary>
    Output,
}

/// <summary>
/// One moment on a process's swimlane: a call returning, a signal arriving, the process starting or ending.
/// <paramref name="FromKernel"/>: a signal the kernel raised (a fault, a child's end) rather than one a process sent.
/// </summary>
public sealed record TimelineMark(RunEvent Event, string Process, long TNs, MarkKind Kind, string Label, bool Failed, bool FromKernel = false);

/// <summary>A call that blocked (<see cref="Call"/> the system call, <see cref="Op"/> the step), from when it was entered to when it returned (<see cref="ToNs"/> null: still blocked).</summary>
public sealed record TimelineSpan(string Process, long FromNs, long? ToNs, string Call, string? Op, string? Object, long BlockedSeq, long? ReturnSeq);

/// <summary>An event that woke another: a write to the read it ended, a post to the wait, a signal to its handler.</summary>
public sealed record TimelineArrow(RunEvent From, RunEvent To, string Label)
{
    public string FromProcess => From.Process ?? "";
    public string ToProcess => To.Process ?? "";
}

/// <summary>An exec'd program's time on its process's lane: from the exec to the process's end (<see cref="ToNs"/> null: still running).</summary>
public sealed record TimelineProgram(string Process, long FromNs, long? ToNs, string Program);

/// <summary>A sleep a step asked for, from the call to its return (the event at <see cref="Seq"/>).</summary>
public sealed record TimelineSleep(string Process, long FromNs, long ToNs, long Seq);
