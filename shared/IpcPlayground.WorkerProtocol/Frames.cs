using System.Text.Json.Serialization;

namespace IpcPlayground.WorkerProtocol;

/// <summary>
/// What every frame carries: when (absolute CLOCK_MONOTONIC nanoseconds, so clocks of different processes compare;
/// the server makes them run-relative), and which process of the run it concerns. A frame travels in one direction,
/// and each direction is its own closed union: <see cref="IWorkerFrame"/> (worker → supervisor),
/// <see cref="ISupervisorReply"/> (supervisor → worker), <see cref="IRunFrame"/> (supervisor → server); the server
/// speaks to the supervisor in <see cref="ControlFrame"/>s. A frame the supervisor relays belongs to two unions.
/// </summary>
public abstract record Frame
{
    public long T { get; init; }
    public string? Process { get; init; }
    public int Pid { get; init; }
}

/// <summary>Worker → supervisor.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "f")]
[JsonDerivedType(typeof(HelloFrame), "hello")]
[JsonDerivedType(typeof(StepBeginFrame), "begin")]
[JsonDerivedType(typeof(StepEndFrame), "end")]
[JsonDerivedType(typeof(HeldFrame), "held")]
[JsonDerivedType(typeof(PidQueryFrame), "pid-query")]
[JsonDerivedType(typeof(StateFrame), "state")]
[JsonDerivedType(typeof(SignalFrame), "signal")]
[JsonDerivedType(typeof(ExitingFrame), "exiting")]
[JsonDerivedType(typeof(ChildExitedFrame), "child-exited")]
[JsonDerivedType(typeof(FailureFrame), "failure")]
[JsonDerivedType(typeof(HandlesFrame), "handles")]
[JsonDerivedType(typeof(ExecFrame), "exec")]
public interface IWorkerFrame;

/// <summary>Supervisor → worker (besides the <see cref="WorkerScript"/> that answers its hello).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "f")]
[JsonDerivedType(typeof(GoFrame), "go")]
[JsonDerivedType(typeof(PidAnswerFrame), "pid-answer")]
public interface ISupervisorReply;

/// <summary>Supervisor → server, one a line on its standard output, in time order; each becomes one event.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "f")]
[JsonDerivedType(typeof(RunStartedFrame), "run-started")]
[JsonDerivedType(typeof(ProcessStartedFrame), "process-started")]
[JsonDerivedType(typeof(StepEndFrame), "end")]
[JsonDerivedType(typeof(BlockedFrame), "blocked")]
[JsonDerivedType(typeof(SignalFrame), "signal")]
[JsonDerivedType(typeof(HeldFrame), "held")]
[JsonDerivedType(typeof(StateFrame), "state")]
[JsonDerivedType(typeof(ProcessExitedFrame), "process-exited")]
[JsonDerivedType(typeof(FailureFrame), "failure")]
[JsonDerivedType(typeof(RunEndedFrame), "run-ended")]
[JsonDerivedType(typeof(OutputFrame), "output")]
public interface IRunFrame;

/// <summary>The step a frame is about: where it stands in its process's script, and what it does to what.</summary>
public abstract record StepFrame : Frame
{
    public required string Step { get; init; }

    /// <summary>Inside a repeat: which time round (of the innermost repeat), from 0.</summary>
    public int? Iteration { get; init; }
    public required string Op { get; init; }
    public string? Object { get; init; }
    public string? Target { get; init; }
}

/// <summary>
/// Worker → supervisor, first frame of a connection: who am I. On the <c>signals</c> channel nothing follows but
/// 16-byte records written by the C signal handler (magic, signal number, monotonic time).
/// </summary>
public sealed record HelloFrame : Frame, IWorkerFrame
{
    public string? Channel { get; init; }
}

/// <summary>Worker → supervisor: about to make the step's call. Not forwarded; it lets the supervisor see blocking.</summary>
public sealed record StepBeginFrame : StepFrame, IWorkerFrame
{
    public string? Call { get; init; }
}

/// <summary>Worker → supervisor → server: the step's call returned.</summary>
public sealed record StepEndFrame : StepFrame, IWorkerFrame, IRunFrame
{
    public long Result { get; init; }
    public string? Errno { get; init; }

    /// <summary>strerror's words for <see cref="Errno"/>, from the C library inside the sandbox.</summary>
    public string? ErrnoText { get; init; }
    public byte[]? Data { get; init; }
    public int? ExitCode { get; init; }

    /// <summary>The number of the signal that ended a waited-for child.</summary>
    public int? TermSignal { get; init; }
    public long DurationNs { get; init; }

    /// <summary>Whether the call went to sleep in the kernel (the thread's voluntary context switches went up).</summary>
    public bool Slept { get; init; }

    /// <summary>Step mode, set by the supervisor: the processes blocked in a call when this step was let go that were awake when it returned.</summary>
    public IReadOnlyList<string>? Woke { get; init; }

    /// <summary>
    /// The 32-bit value a <c>load</c> of 4 bytes read or an <c>increment</c> wrote last, a <c>signal</c> step's sigqueue
    /// sent, or what an eventfd read took (or write added).
    /// </summary>
    public long? Value { get; init; }

    /// <summary>For a signal step: its number.</summary>
    public int? Signal { get; init; }

    /// <summary>For <c>poll</c>: the objects it found ready.</summary>
    public IReadOnlyList<IpcPlayground.Contracts.Events.PollReady>? Ready { get; init; }

    /// <summary>For <c>receiveFd</c>: the descriptor recvmsg installed, when one came with the bytes.</summary>
    public int? ReceivedFd { get; init; }

    /// <summary>For a <c>stat</c> of a path: the path, and what lstat said of it.</summary>
    public string? Path { get; init; }
    public IpcPlayground.Contracts.Events.FileFacts? File { get; init; }

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
public sealed record ExitingFrame : Frame, IWorkerFrame
{
    public int Code { get; init; }
}

/// <summary>
/// Worker → supervisor, answered by a <see cref="GoFrame"/>: this process is about to execve a program; the read ends
/// of the pipes its standard output (unless redirected) and error will be are <see cref="Outputs"/>, for the
/// supervisor to open through /proc before the worker closes them.
/// </summary>
public sealed record ExecFrame : Frame, IWorkerFrame
{
    public IReadOnlyList<OutputPipe> Outputs { get; init; } = [];
}

/// <summary>One of an exec'd program's streams (<c>stdout</c>, <c>stderr</c>) and the worker's descriptor of its pipe's read end.</summary>
public sealed record OutputPipe(string Stream, int Fd);

/// <summary>Supervisor → server: what an exec'd program wrote to a stream that was not redirected to an object.</summary>
public sealed record OutputFrame : Frame, IRunFrame
{
    public required string Stream { get; init; }
    public required byte[] Data { get; init; }
}

/// <summary>Worker → supervisor: a child this worker waited for has ended (the child is <see cref="Frame.Process"/>).</summary>
public sealed record ChildExitedFrame : Frame, IWorkerFrame
{
    public int? ExitCode { get; init; }
    public int? Signal { get; init; }

    /// <summary>CPU time (user and system) the child used, from wait4.</summary>
    public long? CpuNs { get; init; }
}

/// <summary>Worker or supervisor → server: the runtime itself could not go on.</summary>
public sealed record FailureFrame : Frame, IWorkerFrame, IRunFrame
{
    public required string Message { get; init; }
}

/// <summary>Supervisor → server: the run's clock starts at <see cref="Frame.T"/>.</summary>
public sealed record RunStartedFrame : Frame, IRunFrame
{
    /// <summary>What the supervisor applied to every process of the run (rlimits, seccomp), for run-start's <c>enforced</c>.</summary>
    public IReadOnlyList<string>? Enforced { get; init; }
}

public sealed record ProcessStartedFrame : Frame, IRunFrame
{
    public string? Parent { get; init; }
}

/// <summary>Supervisor → server: a call has not returned within the threshold and the kernel has the process asleep.</summary>
public sealed record BlockedFrame : StepFrame, IRunFrame
{
    public string? Call { get; init; }
    public long Since { get; init; }
    public string? Wchan { get; init; }
}

public sealed record ProcessExitedFrame : Frame, IRunFrame
{
    public int? ExitCode { get; init; }
    public int? Signal { get; init; }

    /// <summary>CPU time (user and system) the process used, when its reaper saw it.</summary>
    public long? CpuNs { get; init; }
}

public sealed record RunEndedFrame : Frame, IRunFrame
{
    public required string Status { get; init; }
    public string? Message { get; init; }

    /// <summary>For a deadlock: the call each living process was blocked in.</summary>
    public IReadOnlyList<IpcPlayground.Contracts.Events.BlockedCall>? Waits { get; init; }
}

/// <summary>Worker → supervisor: which pid does process <see cref="Target"/> have? Answered by <see cref="PidAnswerFrame"/>.</summary>
public sealed record PidQueryFrame : Frame, IWorkerFrame
{
    public required string Target { get; init; }
}

public sealed record PidAnswerFrame : Frame, ISupervisorReply
{
    /// <summary>0 when the process has not started; once started, its pid for good (kill(2) says whether it is still there).</summary>
    public int Answer { get; init; }
}

/// <summary>A signal reached a process: <see cref="Disposition"/> is handled, ignored, pending, default or waited.</summary>
public sealed record SignalFrame : Frame, IWorkerFrame, IRunFrame
{
    public required int Signal { get; init; }
    public required string Disposition { get; init; }
    public string? Step { get; init; }

    /// <summary>siginfo's si_code, when the receiver (a handler, sigtimedwait) or the sender (kill, sigqueue) could tell.</summary>
    public int? Code { get; init; }

    /// <summary>The process of the run that sent it, when si_pid names one.</summary>
    public string? Sender { get; init; }

    /// <summary>si_pid as siginfo gave it (with <see cref="Value"/> raw too): the supervisor turns it into <see cref="Sender"/>.</summary>
    public int? SenderPid { get; init; }

    /// <summary>The value sigqueue carried (si_value, for SI_QUEUE).</summary>
    public int? Value { get; init; }
}

/// <summary>The kernel's view of an object or a process at <see cref="Frame.T"/>.</summary>
public sealed record StateFrame : Frame, IWorkerFrame, IRunFrame
{
    public string? Object { get; init; }
    public string? Step { get; init; }
    public required IpcPlayground.Contracts.Events.KernelState State { get; init; }
}

/// <summary>
/// Step mode. Worker → supervisor → server: this process waits before the step it names, or, with <see cref="Phase"/>
/// <c>"store"</c>, between the load and the store of a non-atomic increment, until the supervisor says go.
/// </summary>
public sealed record HeldFrame : StepFrame, IWorkerFrame, IRunFrame
{
    public string? Phase { get; init; }
}

/// <summary>Step mode. Supervisor → worker: take the step you are held before; with <see cref="Free"/>, stop holding.</summary>
public sealed record GoFrame : Frame, ISupervisorReply
{
    public bool Free { get; init; }
}

/// <summary>Step mode. Server → supervisor, a line on standard input after the plan: one of <see cref="ControlCommands"/>.</summary>
public sealed record ControlFrame
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

/// <summary>
/// Worker → supervisor, whenever it changes: which of this process's descriptors is which end of which object, so a
/// process snapshot can name what /proc/PID/fd lists. Never an event of its own.
/// </summary>
public sealed record HandlesFrame : Frame, IWorkerFrame
{
    public IReadOnlyList<IpcPlayground.Contracts.Events.HeldDescriptor> Fds { get; init; } = [];
}
