using System.Text.Json.Serialization;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.WorkerProtocol;

/// <summary>
/// What the server hands the supervisor: a validated experiment resolved for execution (who creates which object,
/// data as bytes, paths fixed), plus the run's settings. The supervisor hands each worker its own <see cref="WorkerScript"/>.
/// </summary>
public sealed record RunPlan : IProcessLimits
{
    public required string RunId { get; init; }
    public required int TimeoutMs { get; init; }
    public required int BlockedAfterMs { get; init; }
    public required int ReorderWindowMs { get; init; }

    /// <summary>RLIMIT_CPU and RLIMIT_NOFILE for every process of the run (set by the supervisor, inherited).</summary>
    public int CpuSecondsPerProcess { get; init; }
    public int OpenFiles { get; init; }

    /// <summary>RLIMIT_MSGQUEUE: bytes all POSIX queues of the run's user may hold.</summary>
    public long PosixQueueBytes { get; init; }

    /// <summary>Step mode: every process waits before each step until the server lets it go (<see cref="ControlFrame"/>).</summary>
    public bool StepMode { get; init; }

    /// <summary>Install the seccomp deny-list before the first worker starts.</summary>
    public bool Seccomp { get; init; }
    public required IReadOnlyList<PlanObject> Objects { get; init; }
    public required IReadOnlyList<PlanProcess> Processes { get; init; }
}

/// <summary>An object with every default filled in: the supervisor and workers need not know the contract's defaults.</summary>
public sealed record PlanObject
{
    public required string Id { get; init; }
    public required string Type { get; init; }

    [JsonIgnore]
    public Mechanism Mechanism => Mechanisms.Named(Type) ?? throw new InvalidDataException($"'{Type}' is not an object type");

    [JsonIgnore]
    public ObjectKind Kind => Mechanism.Kind;
    public int? Capacity { get; init; }

    /// <summary>fifo and Unix socket path; for a System V key made by ftok, the file it names.</summary>
    public string? Path { get; init; }

    /// <summary>POSIX name, e.g. <c>/q</c>.</summary>
    public string? Name { get; init; }
    public int Size { get; init; }
    public int Count { get; init; }
    /// <summary>A POSIX semaphore's start value.</summary>
    public int Initial { get; init; }

    /// <summary>A System V set's start value of each member (<see cref="Count"/> of them).</summary>
    public IReadOnlyList<int> InitialValues { get; init; } = [];

    /// <summary>An eventfd made with EFD_SEMAPHORE.</summary>
    public bool Semaphore { get; init; }
    public int MaxMessages { get; init; }
    public int MessageSize { get; init; }

    /// <summary>System V key: <c>private</c>, <c>ftok</c> (with <see cref="FtokProj"/> and <see cref="Path"/>) or <c>number</c>.</summary>
    public string? KeyKind { get; init; }

    [JsonIgnore]
    public SysvKeyKind SysvKey => KeyKind switch
    {
        SysvKeyKinds.Private => SysvKeyKind.Private,
        SysvKeyKinds.Ftok => SysvKeyKind.Ftok,
        _ => SysvKeyKind.Number,
    };
    public int KeyValue { get; init; }
    public int FtokProj { get; init; }
    public int Port { get; init; }
}

public sealed record PlanProcess
{
    public required string Id { get; init; }
    public string? Parent { get; init; }

    /// <summary>Objects this process makes before its first step (anonymous ones, which its descendants inherit).</summary>
    public required IReadOnlyList<string> Creates { get; init; }

    /// <summary>Sockets this process binds before its first step: it accepts or receives on them.</summary>
    public IReadOnlyList<string>? Binds { get; init; }
    public required IReadOnlyList<PlanStep> Steps { get; init; }
}

/// <summary>A step ready to execute: the contract's fields with data already as bytes.</summary>
public sealed record PlanStep
{
    public required string Op { get; init; }

    [JsonIgnore]
    public OpKind Kind => Ops.KindOf(Op);
    public string? Object { get; init; }
    public byte[]? Data { get; init; }
    public int? Size { get; init; }
    public string? End { get; init; }
    public int? Bytes { get; init; }
    public int? Ms { get; init; }
    public string? Target { get; init; }
    public int? Code { get; init; }
    public int? Times { get; init; }
    public IReadOnlyList<PlanStep>? Steps { get; init; }
    public string? Mode { get; init; }
    public long? Type { get; init; }
    public int? Priority { get; init; }
    public int? MaxBytes { get; init; }
    public bool? Nowait { get; init; }
    public int? Offset { get; init; }
    public int? Int32 { get; init; }
    public int? Length { get; init; }
    public bool? Atomic { get; init; }
    public int? Index { get; init; }
    public int? Count { get; init; }
    public bool? Undo { get; init; }

    /// <summary>For <c>poll</c>: the objects to watch.</summary>
    public IReadOnlyList<PollTarget>? PollTargets { get; init; }

    /// <summary>For <c>stat</c> of a path: the path to lstat.</summary>
    public string? Path { get; init; }

    /// <summary>For <c>sendFd</c>: the descriptor passed (no end: the one a step that names none uses).</summary>
    public DescriptorRef? Fd { get; init; }

    /// <summary>For <c>receiveFd</c>: what the received descriptor is held as (the end resolved from the senders when the step names none).</summary>
    public DescriptorRef? As { get; init; }

    /// <summary>For <c>exec</c>: the program's absolute path, its arguments, and the ends made standard input and output.</summary>
    public string? Program { get; init; }
    public IReadOnlyList<string>? Args { get; init; }
    public DescriptorRef? Stdin { get; init; }
    public DescriptorRef? Stdout { get; init; }

    /// <summary>For <c>fault</c>: which one (<see cref="FaultKinds"/>).</summary>
    public string? FaultKind { get; init; }

    /// <summary>For <c>signal</c>: the value sigqueue carries (kill when there is none); for an eventfd write, what it adds.</summary>
    public long? Value { get; init; }

    /// <summary>For <c>handle</c>: sigaction flags by name (<see cref="SignalFlags"/>).</summary>
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>For an open of a System V or POSIX object: IPC_CREAT / O_CREAT and IPC_EXCL / O_EXCL, defaults resolved.</summary>
    public OpenFlags? Open { get; init; }

    /// <summary>Signal numbers, resolved from names by the server.</summary>
    public int? Signal { get; init; }
    public IReadOnlyList<int>? Signals { get; init; }
    public string? Action { get; init; }
    public int? TimeoutMs { get; init; }
}

/// <summary>What the supervisor answers a worker's <see cref="HelloFrame"/> with.</summary>
public sealed record WorkerScript
{
    public required PlanProcess Process { get; init; }
    public required IReadOnlyList<PlanObject> Objects { get; init; }

    /// <summary>System V identifiers of the objects the supervisor created, by object id.</summary>
    public IReadOnlyDictionary<string, int>? SysvIds { get; init; }

    /// <summary>Wait for the supervisor's go before each step (until told to run free).</summary>
    public bool StepMode { get; init; }
}

/// <summary>How a System V object's key is made.</summary>
public enum SysvKeyKind { Number, Ftok, Private }

/// <summary>The <see cref="PlanObject.KeyKind"/> values on the wire.</summary>
public static class SysvKeyKinds
{
    public const string Private = "private";
    public const string Ftok = "ftok";
    public const string Number = "number";
}
