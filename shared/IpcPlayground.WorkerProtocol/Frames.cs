using System.Text.Json.Serialization;

namespace IpcPlayground.WorkerProtocol;

/// <summary>
/// A message from a worker to the supervisor, or from the supervisor to the server. Times are absolute
/// CLOCK_MONOTONIC nanoseconds, so clocks of different processes compare; the server makes them run-relative.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "f")]
[JsonDerivedType(typeof(HelloFrame), "hello")]
[JsonDerivedType(typeof(StepBeginFrame), "begin")]
[JsonDerivedType(typeof(StepEndFrame), "end")]
[JsonDerivedType(typeof(ExitingFrame), "exiting")]
[JsonDerivedType(typeof(ChildExitedFrame), "child-exited")]
[JsonDerivedType(typeof(FailureFrame), "failure")]
[JsonDerivedType(typeof(RunStartedFrame), "run-started")]
[JsonDerivedType(typeof(ProcessStartedFrame), "process-started")]
[JsonDerivedType(typeof(BlockedFrame), "blocked")]
[JsonDerivedType(typeof(ProcessExitedFrame), "process-exited")]
[JsonDerivedType(typeof(RunEndedFrame), "run-ended")]
[JsonDerivedType(typeof(PidQueryFrame), "pid-query")]
[JsonDerivedType(typeof(PidAnswerFrame), "pid-answer")]
[JsonDerivedType(typeof(SignalFrame), "signal")]
[JsonDerivedType(typeof(StateFrame), "state")]
[JsonDerivedType(typeof(HeldFrame), "held")]
[JsonDerivedType(typeof(GoFrame), "go")]
[JsonDerivedType(typeof(ControlFrame), "control")]
public abstract record Frame
{
    public long T { get; init; }
    public string? Process { get; init; }
    public int Pid { get; init; }
}

/// <summary>
/// Worker → supervisor, first frame of a connection: who am I. On the <c>signals</c> channel nothing follows but
/// 16-byte records written by the C signal handler (magic, signal number, monotonic time).
/// </summary>
public sealed record HelloFrame : Frame
{
    public string? Channel { get; init; }
}

/// <summary>Worker → supervisor: about to make the step's call. Not forwarded; it lets the supervisor see blocking.</summary>
public sealed record StepBeginFrame : Frame
{
    public required string Step { get; init; }
    public int? Iteration { get; init; }
    public required string Op { get; init; }
    public string? Object { get; init; }
    public string? Target { get; init; }
    public string? Call { get; init; }
}

/// <summary>Worker → supervisor → server: the step's call returned.</summary>
public sealed record StepEndFrame : Frame
{
    public required string Step { get; init; }

    /// <summary>Inside a repeat: which time round (of the innermost repeat), from 0.</summary>
    public int? Iteration { get; init; }
    public required string Op { get; init; }
    public string? Object { get; init; }
    public string? Target { get; init; }
    public long Result { get; init; }
    public string? Errno { get; init; }
    public byte[]? Data { get; init; }
    public int? ExitCode { get; init; }

    /// <summary>The number of the signal that ended a waited-for child.</summary>
    public int? TermSignal { get; init; }
    public long DurationNs { get; init; }

    /// <summary>Whether the call went to sleep in the kernel (the thread's voluntary context switches went up).</summary>
    public bool Slept { get; init; }

    /// <summary>The 32-bit value a <c>load</c> of 4 bytes read or an <c>increment</c> wrote last.</summary>
    public int? Value { get; init; }

    /// <summary>For a signal step: its number.</summary>
    public int? Signal { get; init; }

    /// <summary>For <c>send</c>/<c>receive</c>: the System V type or POSIX priority of the message.</summary>
    public long? MessageType { get; init; }
    public int? MessagePriority { get; init; }

    /// <summary>For a step on a System V object: the identifier this process used (an IPC_PRIVATE object has several).</summary>
    public int? SysvId { get; init; }

    /// <summary>
    /// For a <c>signal</c> step that succeeded: what the target's /proc status said became of the signal right after
    /// kill(2), when it says anything (<c>pending</c>, <c>merged</c>, <c>ignored</c>, <c>default</c>).
    /// </summary>
    public string? Fate { get; init; }
}

/// <summary>Worker → supervisor: this process is about to exit with <see cref="Code"/>.</summary>
public sealed record ExitingFrame : Frame
{
    public int Code { get; init; }
}

/// <summary>Worker → supervisor: a child this worker waited for has ended (the child is <see cref="Frame.Process"/>).</summary>
public sealed record ChildExitedFrame : Frame
{
    public int? ExitCode { get; init; }
    public int? Signal { get; init; }

    /// <summary>CPU time (user and system) the child used, from wait4.</summary>
    public long? CpuNs { get; init; }
}

/// <summary>Worker or supervisor → server: the runtime itself could not go on.</summary>
public sealed record FailureFrame : Frame
{
    public required string Message { get; init; }
}

/// <summary>Supervisor → server: the run's clock starts at <see cref="Frame.T"/>.</summary>
public sealed record RunStartedFrame : Frame
{
    /// <summary>What the supervisor applied to every process of the run (rlimits, seccomp), for run-start's <c>enforced</c>.</summary>
    public IReadOnlyList<string>? Enforced { get; init; }
}

public sealed record ProcessStartedFrame : Frame
{
    public string? Parent { get; init; }
}

/// <summary>Supervisor → server: a call has not returned within the threshold and the kernel has the process asleep.</summary>
public sealed record BlockedFrame : Frame
{
    public required string Step { get; init; }
    public int? Iteration { get; init; }
    public required string Op { get; init; }
    public string? Object { get; init; }
    public string? Target { get; init; }
    public string? Call { get; init; }
    public long Since { get; init; }
    public string? Wchan { get; init; }
}

public sealed record ProcessExitedFrame : Frame
{
    public int? ExitCode { get; init; }
    public int? Signal { get; init; }

    /// <summary>CPU time (user and system) the process used, when its reaper saw it.</summary>
    public long? CpuNs { get; init; }
}

public sealed record RunEndedFrame : Frame
{
    public required string Status { get; init; }
    public string? Message { get; init; }
}

/// <summary>Worker → supervisor: which pid does process <see cref="Target"/> have? Answered by <see cref="PidAnswerFrame"/>.</summary>
public sealed record PidQueryFrame : Frame
{
    public required string Target { get; init; }
}

public sealed record PidAnswerFrame : Frame
{
    /// <summary>0 when the process has not started; once started, its pid for good (kill(2) says whether it is still there).</summary>
    public int Answer { get; init; }
}

/// <summary>A signal reached a process: <see cref="Disposition"/> is handled, ignored, pending, default or waited.</summary>
public sealed record SignalFrame : Frame
{
    public required int Signal { get; init; }
    public required string Disposition { get; init; }
    public string? Step { get; init; }
}

/// <summary>The kernel's view of an object or a process at <see cref="Frame.T"/>.</summary>
public sealed record StateFrame : Frame
{
    public string? Object { get; init; }
    public string? Step { get; init; }
    public required IpcPlayground.Contracts.Events.KernelState State { get; init; }
}

/// <summary>
/// Step mode. Worker → supervisor → server: this process waits before the step it names, or, with <see cref="Phase"/>
/// <c>"store"</c>, between the load and the store of a non-atomic increment, until the supervisor says go.
/// </summary>
public sealed record HeldFrame : Frame
{
    public required string Step { get; init; }
    public int? Iteration { get; init; }
    public required string Op { get; init; }
    public string? Object { get; init; }
    public string? Target { get; init; }
    public string? Phase { get; init; }
}

/// <summary>Step mode. Supervisor → worker: take the step you are held before; with <see cref="Free"/>, stop holding.</summary>
public sealed record GoFrame : Frame
{
    public bool Free { get; init; }
}

/// <summary>Step mode. Server → supervisor, a line on standard input after the plan: one of <see cref="ControlCommands"/>.</summary>
public sealed record ControlFrame : Frame
{
    public required string Command { get; init; }

    /// <summary>For <see cref="ControlCommands.Step"/>: the process to let go.</summary>
    public string? Target { get; init; }
}

public static class ControlCommands
{
    public const string Step = "step";
    public const string Resume = "resume";
    public const string Stop = "stop";
}
