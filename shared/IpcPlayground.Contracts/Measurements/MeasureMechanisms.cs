namespace IpcPlayground.Contracts.Measurements;

/// <summary>How a measurement moves messages: one way as fast as the receiver takes them, or each answered before the next.</summary>
public static class MeasurePatterns
{
    public const string Stream = "stream";
    public const string PingPong = "ping-pong";
    public static readonly IReadOnlyList<string> All = [Stream, PingPong];
}

/// <summary>Where the two processes of a cell run (sched_setaffinity): one CPU, two different ones, or wherever the kernel puts them.</summary>
public static class CpuPlacements
{
    public const string Same = "same";
    public const string Different = "different";
    public const string Any = "any";
    public static readonly IReadOnlyList<string> All = [Same, Different, Any];
}

/// <summary>
/// A mechanism a measurement can time, as the contract names it. <see cref="Streams"/>: it carries messages of a
/// chosen size (eventfd and a signal carry a counter or nothing, so they are timed as ping-pong round trips only).
/// </summary>
public sealed record MeasureMechanism(string Name, bool Streams, string Description);

/// <summary>The closed set of measurement mechanisms (a completeness test checks every one is measured).</summary>
public static class MeasureMechanisms
{
    public static readonly MeasureMechanism Pipe = new("pipe", true, "an anonymous pipe: write(2) and read(2)");
    public static readonly MeasureMechanism Fifo = new("fifo", true, "a named pipe in the sandbox's /tmp");
    public static readonly MeasureMechanism SocketPair = new("socketpair", true, "a connected pair of Unix stream sockets");
    public static readonly MeasureMechanism UnixStream = new("unix-stream", true, "a Unix stream socket bound to a path, connected and accepted");
    public static readonly MeasureMechanism Tcp = new("tcp", true, "TCP over the sandbox's loopback");
    public static readonly MeasureMechanism SysvMsgQueue = new("sysv-msgq", true, "a System V message queue: msgsnd(2) and msgrcv(2)");
    public static readonly MeasureMechanism PosixQueue = new("posix-mq", true, "a POSIX message queue: mq_send(3) and mq_receive(3)");
    public static readonly MeasureMechanism ShmSemaphores = new("shm-sem", true, "shared memory with a semaphore pair per message");
    public static readonly MeasureMechanism ShmRing = new("shm-ring", true, "a single-producer single-consumer ring in shared memory that sleeps on a futex only when empty or full");
    public static readonly MeasureMechanism EventFd = new("eventfd", false, "an eventfd counter: a round trip of write(2) and read(2)");
    public static readonly MeasureMechanism Signal = new("signal", false, "a signal answered by a signal: kill(2) and sigwaitinfo(2)");

    public static readonly IReadOnlyList<MeasureMechanism> All =
        [Pipe, Fifo, SocketPair, UnixStream, Tcp, SysvMsgQueue, PosixQueue, ShmSemaphores, ShmRing, EventFd, Signal];

    /// <summary>What a request without <c>mechanisms</c> measures (the contract's default).</summary>
    public static readonly IReadOnlyList<string> Default =
        [Pipe.Name, SocketPair.Name, Tcp.Name, SysvMsgQueue.Name, PosixQueue.Name, ShmSemaphores.Name, ShmRing.Name];

    public static MeasureMechanism? Named(string? name) => All.FirstOrDefault(m => m.Name == name);
}
