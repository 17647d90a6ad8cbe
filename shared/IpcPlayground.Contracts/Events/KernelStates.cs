using System.Text.Json.Serialization;
using IpcPlayground.Contracts.Experiments;

namespace IpcPlayground.Contracts.Events;

/// <summary>
/// The <c>state</c> of a <c>state</c> event: the kernel's view of one object (tagged by its object type) or of one
/// process (<c>"type": "process"</c>). Written by the worker, read by the page; fields a snapshot could not read
/// are left out. Every object state may say <c>removed</c>: the object is gone (the call that looked failed).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PipeState), ObjectTypes.Pipe)]
[JsonDerivedType(typeof(FifoState), ObjectTypes.Fifo)]
[JsonDerivedType(typeof(SocketPairState), ObjectTypes.SocketPair)]
[JsonDerivedType(typeof(UnixStreamState), ObjectTypes.UnixStream)]
[JsonDerivedType(typeof(UnixDgramState), ObjectTypes.UnixDgram)]
[JsonDerivedType(typeof(TcpState), ObjectTypes.Tcp)]
[JsonDerivedType(typeof(SysvQueueState), ObjectTypes.SysvMsgQueue)]
[JsonDerivedType(typeof(PosixQueueState), ObjectTypes.PosixMsgQueue)]
[JsonDerivedType(typeof(SysvMemoryState), ObjectTypes.SysvShm)]
[JsonDerivedType(typeof(PosixMemoryState), ObjectTypes.PosixShm)]
[JsonDerivedType(typeof(SysvSemaphoreState), ObjectTypes.SysvSem)]
[JsonDerivedType(typeof(PosixSemaphoreState), ObjectTypes.PosixSem)]
[JsonDerivedType(typeof(UnixSeqpacketState), ObjectTypes.UnixSeqpacket)]
[JsonDerivedType(typeof(EventFdState), ObjectTypes.EventFd)]
[JsonDerivedType(typeof(ProcessKernelState), KernelState.ProcessType)]
public abstract record KernelState
{
    public const string ProcessType = "process";

    /// <summary>The <c>type</c> on the wire: an object type, or <c>process</c>.</summary>
    [JsonIgnore]
    public string Type => TypeName;

    protected abstract string TypeName { get; }
}

/// <summary>The state of an object of the experiment.</summary>
public abstract record ObjectKernelState : KernelState
{
    public bool? Removed { get; init; }
}

/// <summary>Bytes waiting to be read (FIONREAD on the reporter's descriptor), and a pipe's buffer size.</summary>
public abstract record StreamState : ObjectKernelState
{
    public long? Buffered { get; init; }
    public long? Capacity { get; init; }
}

public sealed record PipeState : StreamState { protected override string TypeName => ObjectTypes.Pipe; }
public sealed record FifoState : StreamState { protected override string TypeName => ObjectTypes.Fifo; }
public sealed record SocketPairState : StreamState { protected override string TypeName => ObjectTypes.SocketPair; }
public sealed record UnixStreamState : StreamState { protected override string TypeName => ObjectTypes.UnixStream; }
public sealed record UnixDgramState : StreamState { protected override string TypeName => ObjectTypes.UnixDgram; }
public sealed record TcpState : StreamState { protected override string TypeName => ObjectTypes.Tcp; }
public sealed record UnixSeqpacketState : StreamState { protected override string TypeName => ObjectTypes.UnixSeqpacket; }

/// <summary>What every System V object's state says of it: its key as ipcs shows it (or <c>IPC_PRIVATE</c>), its id and which instance that id is.</summary>
public interface ISysvIdentity
{
    string? Key { get; }
    int? Id { get; }

    /// <summary>0 for the object the run made first, 1, 2 … for each new one an <c>open</c> of a private key made.</summary>
    int? Instance { get; }
}

/// <summary>A System V queue or semaphore set (a System V segment is a <see cref="MemoryState"/> with the same identity).</summary>
public abstract record SysvState : ObjectKernelState, ISysvIdentity
{
    public string? Key { get; init; }
    public int? Id { get; init; }

    /// <summary>0 for the object the run made first, 1, 2 … for each new one an <c>open</c> of a private key made.</summary>
    public int? Instance { get; init; }
}

public sealed record SysvQueueState : SysvState
{
    protected override string TypeName => ObjectTypes.SysvMsgQueue;
    public long? Messages { get; init; }
    public long? Bytes { get; init; }
    public long? MaxBytes { get; init; }

    /// <summary>The queued messages in order (read without taking them), at most 32.</summary>
    public IReadOnlyList<QueuedMessage>? Queue { get; init; }
}

/// <summary>One message waiting in a System V queue: its <c>mtype</c> and size in bytes.</summary>
public sealed record QueuedMessage(long Type, long Size);

public sealed record PosixQueueState : ObjectKernelState
{
    protected override string TypeName => ObjectTypes.PosixMsgQueue;
    public long? Messages { get; init; }
    public long? MaxMessages { get; init; }
    public long? MessageSize { get; init; }
}

/// <summary>Shared memory: its size, and the first bytes as the reporter's mapping shows them.</summary>
public abstract record MemoryState : ObjectKernelState
{
    public long? Size { get; init; }
    public string? PreviewHex { get; init; }
}

public sealed record SysvMemoryState : MemoryState, ISysvIdentity
{
    protected override string TypeName => ObjectTypes.SysvShm;
    public string? Key { get; init; }
    public int? Id { get; init; }
    public int? Instance { get; init; }

    /// <summary>How many mappings it has (shm_nattch).</summary>
    public long? Attached { get; init; }
}

public sealed record PosixMemoryState : MemoryState { protected override string TypeName => ObjectTypes.PosixShm; }

/// <summary>A System V semaphore set: each member's value, and how many processes wait on it (for a decrease, for zero).</summary>
public sealed record SysvSemaphoreState : SysvState
{
    protected override string TypeName => ObjectTypes.SysvSem;
    public IReadOnlyList<long>? Values { get; init; }
    public IReadOnlyList<long>? Waiting { get; init; }
    public IReadOnlyList<long>? WaitingForZero { get; init; }
}

public sealed record PosixSemaphoreState : ObjectKernelState
{
    protected override string TypeName => ObjectTypes.PosixSem;
    public long? Value { get; init; }
}

/// <summary>1.1: an eventfd's counter, as /proc/PID/fdinfo shows it to a process that holds it (reading it would take it).</summary>
public sealed record EventFdState : ObjectKernelState
{
    protected override string TypeName => ObjectTypes.EventFd;
    public long? Counter { get; init; }
    public bool? Semaphore { get; init; }
}

/// <summary>A process as /proc shows it: scheduler state, where it sleeps, its signal masks (by name).</summary>
public sealed record ProcessKernelState : KernelState
{
    protected override string TypeName => ProcessType;

    /// <summary><c>running</c>, <c>sleeping</c>, <c>zombie</c> or <c>stopped</c>.</summary>
    public string? State { get; init; }

    /// <summary>The call of the experiment's step it sleeps in, when it sleeps in one.</summary>
    public string? BlockedIn { get; init; }
    public string? Wchan { get; init; }
    public IReadOnlyList<string>? Pending { get; init; }
    public IReadOnlyList<string>? Blocked { get; init; }
    public IReadOnlyList<string>? Ignored { get; init; }
    public IReadOnlyList<string>? Handled { get; init; }

    /// <summary>1.1: the descriptors it holds of the experiment's objects, as /proc/PID/fd lists them, lowest first.</summary>
    public IReadOnlyList<HeldDescriptor>? Fds { get; init; }
}

/// <summary>1.1: one descriptor a process holds: its number, the object, and which end (none for a one-ended object).</summary>
public sealed record HeldDescriptor
{
    public int Fd { get; init; }
    public string? Object { get; init; }
    public string? End { get; init; }
}
