namespace IpcPlayground.Contracts.Experiments;

/// <summary>The object types of the contract as a closed set: code that treats them differently switches on this.</summary>
public enum ObjectKind
{
    Pipe,
    Fifo,
    SocketPair,
    UnixStream,
    UnixDgram,
    Tcp,
    SysvMsgQueue,
    PosixMsgQueue,
    SysvShm,
    PosixShm,
    SysvSem,
    PosixSem,
    UnixSeqpacket,
    EventFd,
}

/// <summary>What passes through a mechanism, which decides the ops it takes and how its state is shown.</summary>
public enum Transfer
{
    /// <summary>Bytes in order, no boundaries (write/read).</summary>
    ByteStream,
    /// <summary>Whole messages (send/receive).</summary>
    Messages,
    /// <summary>Memory both sides map (store/load/increment).</summary>
    SharedMemory,
    /// <summary>A counter processes wait on and post (semWait/semPost).</summary>
    Semaphore,
    /// <summary>A 64-bit counter written and read whole (write adds a value, read takes it): eventfd.</summary>
    Counter,
}

/// <summary>The chapter of an IPC course a mechanism belongs to; lessons are tagged with it.</summary>
public enum Topic
{
    Pipes,
    Sockets,
    MessageQueues,
    SharedMemory,
    Semaphores,
}

/// <summary>How unrelated processes find the object, if they can.</summary>
public enum Naming
{
    /// <summary>No name: reached only by inheriting a descriptor through spawn, as after fork.</summary>
    Inherited,
    /// <summary>A path in the sandbox's file system.</summary>
    Path,
    /// <summary>A loopback TCP port.</summary>
    Port,
    /// <summary>A System V key (numeric, ftok, or private).</summary>
    SysvKey,
    /// <summary>A POSIX IPC name, "/something".</summary>
    PosixName,
}

/// <summary>
/// One IPC mechanism of the contract: its <c>type</c> name and everything the validator, the worker, the C export,
/// the composer, the inspector and the lesson tags need to know about it that is not a system call. The calls
/// themselves are in exhaustive switches over <see cref="ObjectKind"/>, which the compiler checks.
/// </summary>
public sealed record Mechanism(
    ObjectKind Kind,
    string Name,
    string IdPrefix,
    Transfer Transfer,
    Topic Topic,
    Naming Naming,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Ends,
    bool Removable,
    string? BindingOp = null)
{
    /// <summary>Reached only through spawn, as a descriptor across fork.</summary>
    public bool IsInherited => Naming == Naming.Inherited;

    /// <summary>A socket one process binds (and listens on) before its first step.</summary>
    public bool IsBound => BindingOp is not null;

    public bool IsSysv => Naming == Naming.SysvKey;

    /// <summary>A System V or POSIX IPC object, found by key or name: its <c>open</c> takes <c>create</c> and <c>exclusive</c>.</summary>
    public bool IsNamedIpc => Naming is Naming.SysvKey or Naming.PosixName;

    /// <summary>Whether a process holds it as a file descriptor (which poll can watch): not System V objects, shared memory or semaphores.</summary>
    public bool HasDescriptor => !IsSysv && Transfer is not (Transfer.SharedMemory or Transfer.Semaphore);

    /// <summary>A Unix socket, which can carry a descriptor to another process (SCM_RIGHTS): sendFd and receiveFd go over it.</summary>
    public bool CarriesDescriptors => Kind is ObjectKind.UnixStream or ObjectKind.UnixDgram or ObjectKind.SocketPair or ObjectKind.UnixSeqpacket;

    /// <summary>Made by the supervisor before any process starts (System V and POSIX objects, FIFOs); the others
    /// by the process that uses them first (anonymous ones) or binds them (sockets).</summary>
    public bool IsMadeBySupervisor => IsNamedIpc || Kind == ObjectKind.Fifo;

    public override string ToString() => Name;
}

/// <summary>Every mechanism of the contract, in the order forms list them.</summary>
public static class Mechanisms
{
    private static readonly string[] ReadWrite = ["read", "write"];

    public static IReadOnlyList<Mechanism> All { get; } =
    [
        new(ObjectKind.Pipe, "pipe", "pipe", Transfer.ByteStream, Topic.Pipes, Naming.Inherited, ["capacity"], ReadWrite, Removable: false),
        new(ObjectKind.Fifo, "fifo", "fifo", Transfer.ByteStream, Topic.Pipes, Naming.Path, ["path", "capacity"], ReadWrite, Removable: true),
        new(ObjectKind.SocketPair, "socketpair", "sp", Transfer.ByteStream, Topic.Sockets, Naming.Inherited, [], ["first", "second"], Removable: false),
        new(ObjectKind.UnixStream, "unix-stream", "sock", Transfer.ByteStream, Topic.Sockets, Naming.Path, ["path"], [], Removable: true, Ops.Accept),
        new(ObjectKind.UnixDgram, "unix-dgram", "sock", Transfer.Messages, Topic.Sockets, Naming.Path, ["path"], [], Removable: true, Ops.Receive),
        new(ObjectKind.Tcp, "tcp", "tcp", Transfer.ByteStream, Topic.Sockets, Naming.Port, ["port"], [], Removable: false, Ops.Accept),
        new(ObjectKind.UnixSeqpacket, "unix-seqpacket", "sock", Transfer.Messages, Topic.Sockets, Naming.Path, ["path"], [], Removable: true, Ops.Accept),
        new(ObjectKind.SysvMsgQueue, "sysv-msgq", "q", Transfer.Messages, Topic.MessageQueues, Naming.SysvKey, ["key"], [], Removable: true),
        new(ObjectKind.PosixMsgQueue, "posix-mq", "q", Transfer.Messages, Topic.MessageQueues, Naming.PosixName, ["name", "maxMessages", "messageSize"], [], Removable: true),
        new(ObjectKind.SysvShm, "sysv-shm", "shm", Transfer.SharedMemory, Topic.SharedMemory, Naming.SysvKey, ["key", "size"], [], Removable: true),
        new(ObjectKind.PosixShm, "posix-shm", "shm", Transfer.SharedMemory, Topic.SharedMemory, Naming.PosixName, ["name", "size"], [], Removable: true),
        new(ObjectKind.SysvSem, "sysv-sem", "sem", Transfer.Semaphore, Topic.Semaphores, Naming.SysvKey, ["key", "count", "initial"], [], Removable: true),
        new(ObjectKind.PosixSem, "posix-sem", "sem", Transfer.Semaphore, Topic.Semaphores, Naming.PosixName, ["name", "initial"], [], Removable: true),
        new(ObjectKind.EventFd, "eventfd", "efd", Transfer.Counter, Topic.Semaphores, Naming.Inherited, ["initial", "semaphore"], [], Removable: false),
    ];

    private static readonly Dictionary<string, Mechanism> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);
    private static readonly Mechanism[] ByKind = [.. All.OrderBy(m => m.Kind)];

    public static Mechanism Of(ObjectKind kind) => ByKind[(int)kind];

    /// <summary>The mechanism a <c>type</c> names, or null for a name the contract does not have.</summary>
    public static Mechanism? Named(string? type) => type is not null && ByName.TryGetValue(type, out var mechanism) ? mechanism : null;

    /// <summary>The kind a valid <c>type</c> names; throws for any other (validation has refused it before).</summary>
    public static ObjectKind KindOf(string type) =>
        Named(type)?.Kind ?? throw new ArgumentException($"'{type}' is not an object type", nameof(type));

    public static IReadOnlyList<string> NamesOf(Func<Mechanism, bool> which) => [.. All.Where(which).Select(m => m.Name)];

    /// <summary>A topic's tag in the lesson gallery's filters.</summary>
    public static string TagOf(Topic topic) => topic switch
    {
        Topic.Pipes => "pipe",
        Topic.Sockets => "socket",
        Topic.MessageQueues => "queue",
        Topic.SharedMemory => "shared memory",
        Topic.Semaphores => "semaphore",
    };
}
