using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpcPlayground.Contracts.Events;

/// <summary>
/// One event of a run, tagged by <c>kind</c>. <c>seq</c> counts from 1 in the order the server received the events;
/// <c>tNs</c> is nanoseconds since the run started on the monotonic clock.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RunStartEvent), EventKinds.RunStart)]
[JsonDerivedType(typeof(ProcessStartEvent), EventKinds.ProcessStart)]
[JsonDerivedType(typeof(SyscallEvent), EventKinds.Syscall)]
[JsonDerivedType(typeof(BlockedEvent), EventKinds.Blocked)]
[JsonDerivedType(typeof(SignalEvent), EventKinds.Signal)]
[JsonDerivedType(typeof(PausedEvent), EventKinds.Paused)]
[JsonDerivedType(typeof(StateEvent), EventKinds.State)]
[JsonDerivedType(typeof(ProcessExitEvent), EventKinds.ProcessExit)]
[JsonDerivedType(typeof(LimitEvent), EventKinds.Limit)]
[JsonDerivedType(typeof(ErrorEvent), EventKinds.Error)]
[JsonDerivedType(typeof(RunEndEvent), EventKinds.RunEnd)]
[JsonDerivedType(typeof(OutputEvent), EventKinds.Output)]
[JsonDerivedType(typeof(QuestionEvent), EventKinds.Question)]
[JsonDerivedType(typeof(AnswerEvent), EventKinds.Answer)]
[JsonDerivedType(typeof(OutcomeEvent), EventKinds.Outcome)]
public abstract record RunEvent
{
    public long Seq { get; init; }
    public long TNs { get; init; }
    public string? RunId { get; init; }

    /// <summary>The process the event concerns (the one that made the call), and its pid inside the sandbox.</summary>
    public string? Process { get; init; }
    public int? Pid { get; init; }

    /// <summary>The <c>kind</c> discriminator, for code that holds an event of unknown type.</summary>
    [JsonIgnore]
    public string Kind => EventKinds.NameOf(EventKind);

    /// <summary>The kind as a closed set: code that treats kinds differently switches on this, without a default.</summary>
    [JsonIgnore]
    public EventKind EventKind => KindOf;

    /// <summary>Protected, so it is not a property on the wire (overrides do not inherit [JsonIgnore]).</summary>
    protected abstract EventKind KindOf { get; }
}

/// <summary>Fields of events that concern a step: the step's op and object (or target process / signal).</summary>
public abstract record StepEvent : RunEvent
{
    public string? Op { get; init; }
    public string? Object { get; init; }

    /// <summary>The process a <c>spawn</c>, <c>wait</c> or <c>signal</c> step names (the actor is <see cref="RunEvent.Process"/>).</summary>
    public string? Target { get; init; }
    public string? Signal { get; init; }

    /// <summary>Where the step stands in its process's script: <c>"2"</c>, or <c>"3.1"</c> inside a repeat.</summary>
    public string? Step { get; init; }

    /// <summary>Inside a <c>repeat</c>: which time round it is, from 0 (of the innermost repeat).</summary>
    public int? Iteration { get; init; }
}

public sealed record RunStartEvent : RunEvent
{
    protected override EventKind KindOf => EventKind.RunStart;
    public string? Name { get; init; }
    public string? Sandbox { get; init; }
    public IReadOnlyList<string>? Enforced { get; init; }
    public int? TimeoutMs { get; init; }
}

public sealed record ProcessStartEvent : RunEvent
{
    protected override EventKind KindOf => EventKind.ProcessStart;
    public string? Parent { get; init; }
}

public sealed record SyscallEvent : StepEvent
{
    protected override EventKind KindOf => EventKind.Syscall;
    public long? Result { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Errno { get; init; }

    /// <summary>Extension: what strerror(3) says the errno means ("Bad file descriptor"), for people who do not know the name.</summary>
    public string? ErrnoText { get; init; }

    public string? Data { get; init; }
    public string? DataBase64 { get; init; }

    /// <summary>A 4-byte load's or an increment's int32, a sigqueue's value, or the 64-bit count an eventfd read took.</summary>
    public long? Value { get; init; }

    /// <summary>For <c>send</c>/<c>receive</c> on a System V queue: the message's mtype.</summary>
    public long? Type { get; init; }

    /// <summary>For <c>send</c>/<c>receive</c> on a POSIX queue: the message's priority.</summary>
    public int? Priority { get; init; }

    /// <summary>1.1: for <c>poll</c>, each watched object poll(2) reported ready, with the events (<c>in</c>, <c>hup</c> …).</summary>
    public IReadOnlyList<PollReady>? Ready { get; init; }

    /// <summary>
    /// Extension: for <c>receiveFd</c>, the descriptor number recvmsg(2) installed in this process (SCM_RIGHTS);
    /// absent when the bytes it took carried none.
    /// </summary>
    public int? Fd { get; init; }

    /// <summary>1.1: for a <c>stat</c> of a <c>path</c>, what lstat(2) said of it.</summary>
    public FileFacts? File { get; init; }

    /// <summary>Extension: for a <c>stat</c> of a <c>path</c>, the path.</summary>
    public string? Path { get; init; }

    /// <summary>For <c>wait</c>: how the child ended.</summary>
    public int? ExitCode { get; init; }
    public string? TermSignal { get; init; }

    /// <summary>How long the call took, entry to return.</summary>
    public long? DurationNs { get; init; }

    /// <summary>
    /// Step and predict mode: the processes that were blocked in a call when this step began and were awake when it
    /// returned (the kernel had woken them); absent when none was blocked.
    /// </summary>
    public IReadOnlyList<string>? Woke { get; init; }
}

public sealed record BlockedEvent : StepEvent
{
    protected override EventKind KindOf => EventKind.Blocked;

    /// <summary>The system call the process sits in, e.g. <c>"read"</c>.</summary>
    public string? Call { get; init; }

    /// <summary>When the call was entered (ns since run start).</summary>
    public long? SinceNs { get; init; }

    /// <summary>Where the kernel has the process sleeping (/proc/PID/wchan), when it tells.</summary>
    public string? Wchan { get; init; }
}

public sealed record SignalEvent : StepEvent
{
    protected override EventKind KindOf => EventKind.Signal;
    public string? Disposition { get; init; }

    /// <summary>1.1: siginfo's si_code by name (<see cref="SignalCodes"/>), when the receiver or the sender could tell.</summary>
    public string? Code { get; init; }

    /// <summary>1.1: the process of the run that sent it (kill, sigqueue; the child, for SIGCHLD), when one did.</summary>
    public string? Sender { get; init; }

    /// <summary>1.1: the value sigqueue carried.</summary>
    public int? Value { get; init; }
}

/// <summary>
/// Step mode only: the process is held before the step it names (or, with <see cref="Phase"/> <c>"store"</c>, between
/// the load and the store of a non-atomic <c>increment</c>) until someone lets it take that step.
/// </summary>
public sealed record PausedEvent : StepEvent
{
    protected override EventKind KindOf => EventKind.Paused;
    public string? Phase { get; init; }
}

public sealed record StateEvent : RunEvent
{
    protected override EventKind KindOf => EventKind.State;
    public string? Object { get; init; }
    public KernelState? State { get; init; }
}

public sealed record ProcessExitEvent : RunEvent
{
    protected override EventKind KindOf => EventKind.ProcessExit;
    public int? ExitCode { get; init; }
    public string? Signal { get; init; }

    /// <summary>1.1: true when the signal that killed the process is one whose default action dumps core.</summary>
    public bool? Core { get; init; }

    /// <summary>Extension: CPU time (user and system, ns) the process used, when whoever reaped it could tell.</summary>
    public long? CpuNs { get; init; }
}

public sealed record LimitEvent : RunEvent
{
    protected override EventKind KindOf => EventKind.Limit;
    public string? Limit { get; init; }
    public string? Message { get; init; }
}

public sealed record ErrorEvent : RunEvent
{
    protected override EventKind KindOf => EventKind.Error;
    public string? Message { get; init; }
}

public sealed record RunEndEvent : RunEvent
{
    protected override EventKind KindOf => EventKind.RunEnd;
    public string? Status { get; init; }
    public string? Message { get; init; }

    /// <summary>Extension: with status <c>deadlock</c>, the call each living process was blocked in, none able to return.</summary>
    public IReadOnlyList<BlockedCall>? Waits { get; init; }
}

/// <summary>A process blocked in a call: the system call, and the step's op and object (or target process).</summary>
public sealed record BlockedCall
{
    public string? Process { get; init; }
    public string? Call { get; init; }
    public string? Op { get; init; }
    public string? Object { get; init; }
    public string? Target { get; init; }
}

/// <summary>1.1: an object a poll found ready, and how.</summary>
public sealed record PollReady
{
    public string? Object { get; init; }
    public IReadOnlyList<string>? Events { get; init; }
}

/// <summary>1.1: what an exec'd program wrote to <c>stdout</c> or <c>stderr</c>, when that stream was not redirected to an object.</summary>
public sealed record OutputEvent : RunEvent
{
    protected override EventKind KindOf => EventKind.Output;

    /// <summary><see cref="OutputStreams.Stdout"/> or <see cref="OutputStreams.Stderr"/>.</summary>
    public string? Stream { get; init; }

    /// <summary>The bytes as UTF-8 text when they are valid text, else <see cref="DataBase64"/>.</summary>
    public string? Data { get; init; }
    public string? DataBase64 { get; init; }
}

/// <summary>The streams of an exec'd program an <c>output</c> event names.</summary>
public static class OutputStreams
{
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";
}
