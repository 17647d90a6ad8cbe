namespace IpcPlayground.Contracts.Experiments;

/// <summary>The <c>type</c> values of an object, as the contract spells them (each is a <see cref="Mechanism"/>).</summary>
public static class ObjectTypes
{
    public const string Pipe = "pipe";
    public const string Fifo = "fifo";
    public const string SocketPair = "socketpair";
    public const string UnixStream = "unix-stream";
    public const string UnixDgram = "unix-dgram";
    public const string Tcp = "tcp";
    public const string SysvMsgQueue = "sysv-msgq";
    public const string PosixMsgQueue = "posix-mq";
    public const string SysvShm = "sysv-shm";
    public const string PosixShm = "posix-shm";
    public const string SysvSem = "sysv-sem";
    public const string PosixSem = "posix-sem";

    /// <summary>A Unix SOCK_SEQPACKET socket: connected like a stream, but each send is one message (an extension of the contract).</summary>
    public const string UnixSeqpacket = "unix-seqpacket";

    /// <summary>1.1: an eventfd(2) counter, inherited through spawn like a pipe.</summary>
    public const string EventFd = "eventfd";

    public static readonly IReadOnlyList<string> All = Mechanisms.NamesOf(_ => true);

    /// <summary>The optional fields an object of this type takes besides <c>id</c> and <c>type</c> (for forms).</summary>
    public static IReadOnlyList<string> FieldsOf(string type) => Mechanisms.Named(type)?.Fields ?? [];

    /// <summary>Objects a child inherits from its parent as fork does; they cannot join unrelated processes.</summary>
    public static bool IsInherited(string type) => Mechanisms.Named(type)?.IsInherited ?? false;
}
